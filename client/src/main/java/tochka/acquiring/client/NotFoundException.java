package tochka.acquiring.client;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/** No such object among those the key may see (404): another company's payment answers the same. */
public class NotFoundException extends TochkaException {

    private static final long serialVersionUID = 1L;

    NotFoundException(String call, int httpStatus, @Nullable ErrorBody body, String message) {
        super(call, httpStatus, body, message, null);
    }
}
