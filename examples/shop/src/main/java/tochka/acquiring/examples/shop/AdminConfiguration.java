package tochka.acquiring.examples.shop;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link AdminGuard} in front of the admin pages. */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {

    /** The guard, on {@code /admin} and everything under it. */
    @Bean
    FilterRegistrationBean<AdminGuard> adminGuard(ShopProperties properties) {
        String password = properties.adminPassword();
        var registration = new FilterRegistrationBean<>(
                new AdminGuard(properties.adminUserOrDefault(), password == null ? "" : password));
        registration.addUrlPatterns("/admin", "/admin/*");
        return registration;
    }
}
