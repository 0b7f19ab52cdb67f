package tochka.acquiring.server.webhooks;

import tochka.acquiring.api.WebhookClaims;
import tochka.acquiring.server.keys.SigningKey;

/**
 * Webhook bodies as the bank makes them: a compact RS256 JWT with the header {@code {"typ":"JWT","alg":"RS256"}},
 * signed by the server's key (the one it publishes as a JWK), whose payload is JSON written the way the bank's
 * Python writes it ({@link WebhookClaims}).
 */
public final class WebhookSigner {

    private final SigningKey key;

    public WebhookSigner(SigningKey key) {
        this.key = key;
    }

    /** The compact JWT carrying {@code claims} (a record of the api module, e.g. an acquiringInternetPayment). */
    public String sign(Object claims) {
        return signPayload(WebhookClaims.write(claims));
    }

    /** The compact JWT carrying a payload {@link WebhookClaims#write} wrote. */
    String signPayload(String payload) {
        return key.signPayload(payload);
    }
}
