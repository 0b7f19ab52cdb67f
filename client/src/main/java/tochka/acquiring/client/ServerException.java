package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** The bank failed (5xx) or answered something this SDK can't read. Reads have been retried already. */
public class ServerException extends TochkaException {

    private static final long serialVersionUID = 1L;

    ServerException(String call, int httpStatus, @Nullable ErrorBody body, String message) {
        this(call, httpStatus, body, message, null);
    }

    ServerException(String call, int httpStatus, @Nullable ErrorBody body, String message, @Nullable Throwable cause) {
        super(call, httpStatus, body, message, cause);
    }
}
