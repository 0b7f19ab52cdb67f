package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;

/**
 * A payment link or refund may or may not have been made: its request was sent, no answer came, and looking it up
 * afterwards failed too. Nothing was retried blindly. Look the payment up later by {@link #paymentLinkId()} (for a
 * link) or {@link #operationId()} (for a refund) before trying again.
 */
public class OutcomeUnknownException extends TochkaException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String paymentLinkId;
    private final @Nullable String operationId;

    OutcomeUnknownException(
            String call,
            String message,
            @Nullable String paymentLinkId,
            @Nullable String operationId,
            @Nullable Throwable cause) {
        super(call, 0, null, message, cause);
        this.paymentLinkId = paymentLinkId;
        this.operationId = operationId;
    }

    /** The {@code paymentLinkId} of the link whose creation is in doubt. */
    public @Nullable String paymentLinkId() {
        return paymentLinkId;
    }

    /** The payment whose refund is in doubt. */
    public @Nullable String operationId() {
        return operationId;
    }
}
