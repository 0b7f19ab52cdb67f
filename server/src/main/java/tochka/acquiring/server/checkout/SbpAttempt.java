package tochka.acquiring.server.checkout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One SBP QR code that a page session showed: the buyer's attempt to pay the link by SBP. The code pays while its
 * page session is open; cancelled in the bank app it stays cancelled, and the SBP page then shows a fresh code.
 */
public record SbpAttempt(
        String qrcId,
        String operationId,
        Instant shownAt,
        Instant sessionExpiresAt,
        @Nullable Instant cancelledAt) {

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Whether the bank app may pay with this code at {@code now} (the link itself must still be payable too). */
    public boolean isOpen(Instant now) {
        return cancelledAt == null && now.isBefore(sessionExpiresAt);
    }
}
