package tochka.acquiring.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.api.ErrorBody;
import tochka.acquiring.server.core.Rejected;

/**
 * The one place that turns a failure into the bank's error body {@code {code, id, message, Errors[]}}. A client
 * mistake is logged by the request's own line ({@link RequestLog}), with the error id and the reason; anything else
 * is a 500 with a generic message, logged here at ERROR with its stack trace and the error id that the caller sees.
 */
final class ErrorMapper {

    /** The help link the bank puts in {@code Errors[].url}. */
    static final String HELP_URL = "https://developers.tochka.com/docs/tochka-api/";

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    /** The largest request body the server reads. */
    static final long MAX_BODY_BYTES = 1_000_000;

    private final ObjectMapper json;

    ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    void rejected(Rejected rejected, Context ctx) {
        int status = switch (rejected.kind()) {
            case INVALID, NOT_ALLOWED -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
        };
        String errorCode = switch (rejected.kind()) {
            case INVALID -> "Validation Error";
            case NOT_ALLOWED -> "Operation Not Allowed";
            case FORBIDDEN -> "Something going wrong";
            case NOT_FOUND -> "HTTPNotFound";
        };
        write(ctx, status, errorCode, rejected.problems());
    }

    /** Javalin's own refusals: an unknown route, or a body over the size limit (the spec has no 413: a 400). */
    void httpError(HttpResponseException error, Context ctx) {
        if (error.getStatus() == 404) {
            write(ctx, 404, "HTTPNotFound", List.of(String.valueOf(error.getMessage())));
        } else if (error.getStatus() == 413) {
            write(ctx, 400, "Validation Error", List.of("request body: larger than " + MAX_BODY_BYTES + " bytes"));
        } else {
            write(
                    ctx,
                    error.getStatus() >= 500 ? 500 : 400,
                    "Validation Error",
                    List.of(String.valueOf(error.getMessage())));
        }
    }

    void unexpected(Exception error, Context ctx) {
        String clientFault = clientFault(error);
        if (clientFault != null) {
            write(ctx, 400, "Validation Error", List.of(clientFault));
            return;
        }
        String id = UUID.randomUUID().toString();
        log.error("{} {} -> 500, error id {}", ctx.method(), LogText.escape(ctx.path()), id, error);
        write(ctx, 500, id, "HTTPInternalError", List.of("internal server error; quote error id " + id));
    }

    private void write(Context ctx, int status, String errorCode, List<String> problems) {
        write(ctx, status, UUID.randomUUID().toString(), errorCode, problems);
    }

    private void write(Context ctx, int status, String id, String errorCode, List<String> problems) {
        ErrorBody body = body(status, id, errorCode, problems);
        RequestLog.error(ctx, id, body.message());
        ctx.status(status).contentType("application/json").result(text(json, body));
    }

    /** The bank's error body; {@code errorCode} is what the bank writes in {@code Errors[].errorCode}. */
    static ErrorBody body(int status, String id, String errorCode, List<String> problems) {
        List<ErrorBody.ErrorDetail> details = problems.stream()
                .map(problem -> new ErrorBody.ErrorDetail(errorCode, truncate(problem, 603), HELP_URL))
                .toList();
        return new ErrorBody(Integer.toString(status), id, truncate(String.join("; ", problems), 600), details);
    }

    static String text(ObjectMapper json, ErrorBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the caller got wrong, when {@code error} is a request Jetty could not read rather than our failure: a body
     * cut short, a multipart form that does not parse, a malformed chunk. Null for everything else.
     */
    static @Nullable String clientFault(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException || cause instanceof org.eclipse.jetty.io.EofException) {
                return "request body: ended before it was complete";
            }
            if (cause instanceof org.eclipse.jetty.http.HttpException http
                    && http.getCode() >= 400
                    && http.getCode() < 500) {
                return "request: " + LogText.escape(String.valueOf(http.getReason())) + " (HTTP " + http.getCode()
                        + ")";
            }
            if (cause instanceof jakarta.servlet.ServletException
                    && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("multipart")) {
                return "request body: not a valid multipart form";
            }
            if (cause.getCause() == cause) break;
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
