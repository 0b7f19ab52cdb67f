package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;

/**
 * No answer came: the bank could not be reached, the connection broke or the deadline passed. Reads have been retried
 * already; a payment link or refund whose request may have arrived is looked up before this is thrown, and what
 * cannot be settled so becomes an {@link OutcomeUnknownException}.
 */
public class NetworkException extends TochkaException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveArrived;

    NetworkException(String call, String message, @Nullable Throwable cause, boolean mayHaveArrived) {
        super(call, 0, null, message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    /** Whether the request may have reached the bank (it was sent, and the answer was lost or late). */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
