package tochka.acquiring.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's own refusals, of requests it could not parse (a bad request line, header or URI, a URI or headers too long,
 * an HTTP version it does not speak: 400, 414, 431, 505), in the bank's error body instead of Jetty's HTML page. Only
 * a browser (its {@code Accept} names {@code text/html}) still gets Jetty's page: the path of such a request is often
 * unknown or made up, so the caller's kind decides, not the path. The status stays Jetty's: the request never reached
 * an operation, so the spec's statuses do not apply, and 414 or 431 says best what to fix.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    /** Every method gets the error body: Jetty writes one only for GET, POST and HEAD (a bare 400 to a DELETE). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback)
            throws IOException {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        String id = UUID.randomUUID().toString();
        String problem = problem(code, message);
        RequestLog.refused(request.getMethod(), path == null ? "-" : path, code, 0, id, problem);
        RequestGate.noStore(response);
        // A request Jetty could not parse leaves the connection's framing in doubt: close it after the answer, or a
        // client that sends its next request on it may wait for an answer that never comes.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(
                response,
                true,
                ErrorMapper.text(json, ErrorMapper.body(code, id, errorCode(code), List.of(problem))),
                callback);
    }

    private static String errorCode(int status) {
        return status == 404
                ? "HTTPNotFound"
                : status >= 500 && status != 505 ? "HTTPInternalError" : "Validation Error";
    }

    private static String problem(int status, @Nullable String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        String line = reason.lines().findFirst().orElse("");
        return "request: " + (line.length() > 100 ? line.substring(0, 100) + "..." : line) + " (HTTP " + status + ")";
    }
}
