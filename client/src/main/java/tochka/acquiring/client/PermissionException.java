package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** The key may not do this: it lacks the permission, or may not act for this company (403). */
public class PermissionException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    PermissionException(String call, int httpStatus, @Nullable ErrorBody body, String message) {
        super(call, httpStatus, body, message);
    }
}
