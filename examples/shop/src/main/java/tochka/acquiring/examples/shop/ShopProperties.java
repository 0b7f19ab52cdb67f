package tochka.acquiring.examples.shop;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's own settings ({@code shop.*}); the bank's are the starter's {@code tochka.*}.
 *
 * @param publicUrl the shop's address as buyers and the bank reach it ({@code https://shop.example}), for the
 *     payment link's return URLs and the webhook's URL; when blank, the address of the request at hand (fine on
 *     localhost; behind a proxy, set it, so that no Host header decides where buyers are sent)
 * @param adminUser the admin pages' HTTP Basic user name
 * @param adminPassword the admin pages' HTTP Basic password; when blank, the admin pages are closed
 * @param webhookClientId the API key's {@code client_id} to register the shop's webhook URL for at start-up, or
 *     blank to leave the webhook as it is (register it once, by hand or from a deployment script, in production)
 */
@ConfigurationProperties("shop")
public record ShopProperties(
        @Nullable String publicUrl,
        @Nullable String adminUser,
        @Nullable String adminPassword,
        @Nullable String webhookClientId) {

    /** The admin's user name, {@code admin} unless set. */
    public String adminUserOrDefault() {
        return adminUser == null || adminUser.isBlank() ? "admin" : adminUser;
    }
}
