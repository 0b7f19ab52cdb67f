package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** The request is well formed but the object's state forbids it: a refund of a payment that is not paid, a capture of one that is not authorized, a duplicate {@code paymentLinkId} (409, or 400 {@code Operation Not Allowed}). */
public class ConflictException extends TochkaException {

    private static final long serialVersionUID = 1L;

    ConflictException(String call, int httpStatus, @Nullable ErrorBody body, String message) {
        super(call, httpStatus, body, message, null);
    }
}
