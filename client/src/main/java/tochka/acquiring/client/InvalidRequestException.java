package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** The bank refused the request as malformed: a missing, mistyped or out-of-range field (400, 422). Fix the request; retrying it won't help. */
public class InvalidRequestException extends TochkaException {

    private static final long serialVersionUID = 1L;

    InvalidRequestException(String call, int httpStatus, @Nullable ErrorBody body, String message) {
        super(call, httpStatus, body, message, null);
    }
}
