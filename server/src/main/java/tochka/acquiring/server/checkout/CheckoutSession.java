package tochka.acquiring.server.checkout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.payments.MaskedCard;

/**
 * A buyer's session on the hosted payment page of one link: it lives one hour from the moment the link is opened
 * (re-opening the link later starts a fresh one). It shows one SBP QR code at a time (its current {@link SbpAttempt};
 * a fresh one once the buyer cancelled it) and holds at most one pending 3-D Secure challenge. Only a hash of its
 * secret id is stored.
 */
public record CheckoutSession(
        String sessionHash,
        String operationId,
        Instant createdAt,
        Instant expiresAt,
        @Nullable SbpAttempt sbp,
        @Nullable MaskedCard challenge) {

    public boolean isOpen(Instant now) {
        return now.isBefore(expiresAt);
    }
}
