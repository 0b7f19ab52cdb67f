package tochka.acquiring.server.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per call of an API: the bank's ({@code /uapi}, {@code /sandbox/v2}), the test control and the admin
 * endpoints. It says the method, the path, the status, the milliseconds, who called (a key's client_id,
 * {@code sandbox}, {@code admin}, or {@code -} before authentication) and, for an error, the id the caller found in
 * the error body and the reason. Never the query string or a header: the bank's queries carry nothing secret, but
 * this way a token cannot reach the log. The same fields go as key-values, for the JSON log format. What came from
 * the caller (the path, the reason quoting a value) is escaped by {@link LogText}: a {@code %0a} in a path cannot start
 * a forged line.
 *
 * <p>Everything else (the hosted payment page, the SBP bank app, their assets, {@code /health}) logs at DEBUG only: a
 * payment page polls its status every second, and what a buyer does is logged where it happens, by
 * {@code PaymentService} and the pages themselves.
 */
final class RequestLog implements RequestLogger {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final List<String> API_PREFIXES = List.of("/uapi/", "/sandbox/v2/", "/control/", "/admin/");
    private static final String CALLER = "tochka.log.caller";
    private static final String ERROR_ID = "tochka.log.errorId";
    private static final String REASON = "tochka.log.reason";
    private static final int MAX_PATH = 300;

    private final RequestJournal journal;

    /** Logs every call, and keeps the API's in {@code journal} for the console. */
    RequestLog(RequestJournal journal) {
        this.journal = journal;
    }

    /** Who made the request, once it is known: a key's client_id, {@code sandbox} or {@code admin}. */
    static void caller(Context ctx, String caller) {
        ctx.attribute(CALLER, caller);
    }

    /** The error body's id and message, so that the request's line names them. */
    static void error(Context ctx, String errorId, String reason) {
        ctx.attribute(ERROR_ID, errorId);
        ctx.attribute(REASON, reason);
    }

    @Override
    public void handle(Context ctx, Float millis) {
        String caller = attribute(ctx, CALLER);
        log(
                ctx.method().name(),
                ctx.path(),
                ctx.statusCode(),
                Math.round(millis),
                caller,
                attribute(ctx, ERROR_ID),
                attribute(ctx, REASON));
        if (API_PREFIXES.stream().anyMatch(ctx.path()::startsWith)) {
            try {
                journal.record(ctx, Math.round(millis), caller);
            } catch (RuntimeException e) {
                // The journal is a convenience of the console: a call it cannot keep was still served.
                log.debug("request not kept in the journal", e);
            }
        }
    }

    /** The line of a request refused before it reached a route (a body too slow or broken): the same fields. */
    static void refused(String method, String path, int status, long millis, String errorId, String reason) {
        log(method, path, status, millis, null, errorId, reason);
    }

    static boolean isApi(String path) {
        return API_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/health");
    }

    private static void log(
            String method,
            String path,
            int status,
            long ms,
            @Nullable String caller,
            @Nullable String errorId,
            @Nullable String reason) {
        boolean api = API_PREFIXES.stream().anyMatch(path::startsWith);
        if (api ? !log.isInfoEnabled() : !log.isDebugEnabled()) return;
        String shownPath = LogText.escape(path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "...");
        String shownMethod = LogText.escape(method);
        String shownCaller = caller == null ? "-" : LogText.escape(caller);
        LoggingEventBuilder line = (api ? log.atInfo() : log.atDebug())
                .addKeyValue("method", shownMethod)
                .addKeyValue("path", shownPath)
                .addKeyValue("status", status)
                .addKeyValue("ms", ms)
                .addKeyValue("client_id", shownCaller);
        if (errorId != null) line = line.addKeyValue("error_id", errorId);
        line.log(
                "{} {} {} {} ms client_id={}{}",
                shownMethod,
                shownPath,
                status,
                ms,
                shownCaller,
                errorId == null ? "" : " error_id=" + errorId + ": " + LogText.escape(String.valueOf(reason)));
    }

    private static @Nullable String attribute(Context ctx, String name) {
        Object value = ctx.attribute(name);
        return value == null ? null : value.toString();
    }
}
