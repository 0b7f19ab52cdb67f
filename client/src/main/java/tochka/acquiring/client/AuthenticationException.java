package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** The key was not accepted: missing, malformed, expired or revoked (401). */
public class AuthenticationException extends TochkaException {

    private static final long serialVersionUID = 1L;

    AuthenticationException(String call, int httpStatus, @Nullable ErrorBody body, String message) {
        super(call, httpStatus, body, message, null);
    }
}
