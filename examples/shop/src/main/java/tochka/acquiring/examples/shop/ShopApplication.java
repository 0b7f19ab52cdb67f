package tochka.acquiring.examples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The example shop: {@code ./mvnw -pl examples/shop spring-boot:run} with {@code data/demo.env} in the environment. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShopApplication {

    /** Starts the shop. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
