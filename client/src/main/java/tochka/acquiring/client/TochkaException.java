package tochka.acquiring.client;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ErrorBody;

/**
 * Every failure of a call to the bank: unchecked, carrying what the bank answered (HTTP status, its error {@code id},
 * {@code code}, {@code message} and {@code Errors[]}) so that a support ticket can quote it. The subclasses say what
 * to do about it: {@link InvalidRequestException} (fix the request), {@link AuthenticationException} and
 * {@link PermissionException} (fix the key), {@link NotFoundException}, {@link ConflictException} (the payment's
 * state forbids it), {@link RateLimitException} and {@link ServerException} (try later), {@link NetworkException}
 * (the bank was not reached or did not answer), {@link OutcomeUnknownException} (a payment or refund may or may not
 * have happened).
 */
public class TochkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int httpStatus;
    private final transient @Nullable ErrorBody body;

    TochkaException(String call, int httpStatus, @Nullable ErrorBody body, String message, @Nullable Throwable cause) {
        super(
                call + ": " + message + (body == null || body.id() == null ? "" : " (error id " + body.id() + ")"),
                cause);
        this.call = call;
        this.httpStatus = httpStatus;
        this.body = body;
    }

    /** The call that failed, e.g. {@code POST /acquiring/v1.0/payments}. */
    public String call() {
        return call;
    }

    /** The HTTP status the bank answered, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The bank's error id ({@code id} of its error body): quote it to the bank's support. */
    public @Nullable String errorId() {
        return body == null ? null : body.id();
    }

    /** The bank's {@code code} (the status as a string, e.g. {@code "400"}). */
    public @Nullable String errorCode() {
        return body == null ? null : body.code();
    }

    /** The bank's {@code message}, as it wrote it. */
    public @Nullable String bankMessage() {
        return body == null ? null : body.message();
    }

    /** The bank's {@code Errors[]}: one entry per problem, each naming its field. */
    public List<ErrorBody.ErrorDetail> errors() {
        return body == null || body.errors() == null ? List.of() : body.errors();
    }

    /** The whole error body, when the bank sent one. */
    public @Nullable ErrorBody body() {
        return body;
    }
}
