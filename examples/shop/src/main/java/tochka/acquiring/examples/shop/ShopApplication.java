package tochka.acquiring.examples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The example shop, on http://localhost:8081 against our server on :8080. From the repository's root, with
 * {@code ./tochka serve} running in another terminal:
 *
 * <pre>
 * ./mvnw -q install -DskipTests                    # once: the SDK and the starter into ~/.m2
 * set -a; source data/demo.env; set +a             # TOCHKA_BASE_URL, TOCHKA_TOKEN, TOCHKA_CUSTOMER_CODE, ...
 * SHOP_ADMIN_PASSWORD=change-me ./mvnw -pl examples/shop spring-boot:run
 * </pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShopApplication {

    /** Starts the shop. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
