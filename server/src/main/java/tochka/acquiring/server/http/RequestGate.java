package tochka.acquiring.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * The server's front door, a Jetty handler in front of Javalin.
 *
 * <p>It reads every request body whole before a route sees it, without holding a thread while it waits: bytes are
 * taken as they arrive ({@link Request#demand}), and only a complete body is handed on, so Javalin's blocking
 * {@code ctx.body()} never blocks. A body must arrive within {@link #BODY_DEADLINE} and hold at most
 * {@link ErrorMapper#MAX_BODY_BYTES}; three hundred callers sending a byte a second once took every worker thread and
 * {@code /health} with them. A body that is late is answered 408, one that is too large, cut short or badly chunked
 * 400: in the bank's error body on API paths, in a line of text on the pages, logged as the caller's mistake. All
 * bodies waiting at once may hold at most {@link #MAX_WAITING_BYTES}; past that a new body is answered 503.
 *
 * <p>Every answer under the API paths ({@code /uapi}, {@code /sandbox/v2}, {@code /control}, {@code /admin},
 * {@code /health}) also carries {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}: they
 * hold payment data and must not be kept or reinterpreted by a cache or a browser. The pages set their own.
 */
public final class RequestGate extends Handler.Wrapper {

    /** How long a whole request body may take to arrive: 1 MB in 10 s is 100 KB/s, slow for any real client. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    /** The most that bodies still arriving may hold together. */
    static final long MAX_WAITING_BYTES = 64L * 1024 * 1024;

    private final ObjectMapper json;
    private final AtomicLong waitingBytes = new AtomicLong();

    RequestGate(ObjectMapper json) {
        this.json = json;
    }

    /** Puts the gate in front of Javalin's servlet, and Jetty's own refusals in the bank's body. */
    public static void install(JavalinConfig config, ObjectMapper json) {
        config.jetty.modifyServer(server -> {
            server.insertHandler(new RequestGate(json));
            server.setErrorHandler(new JsonErrorHandler(json));
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path != null && RequestLog.isApi(path)) {
            noStore(response);
            // Left to Javalin, a HEAD on a GET route answered 200 without running it, so without authentication.
            // Served as the GET it is (Jetty still sends no body for a HEAD), it is authenticated and answered as one.
            if (HttpMethod.HEAD.is(request.getMethod())) request = new AsGet(request);
        }
        Handler next = getHandler();
        if (next == null) return false;
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) return next.handle(request, response, callback);
        if (length > ErrorMapper.MAX_BODY_BYTES) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, tooLarge());
            return true;
        }
        new BodyReader(next, request, response, callback).read();
        return true;
    }

    static void noStore(Response response) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
    }

    private static String tooLarge() {
        return "request body: larger than " + ErrorMapper.MAX_BODY_BYTES + " bytes";
    }

    /** Answers a request that never reached a route: the bank's body on API paths, a line of text elsewhere. */
    void refuse(Request request, Response response, Callback callback, int status, String problem) {
        String path = request.getHttpURI().getPath() == null
                ? ""
                : request.getHttpURI().getPath();
        String id = UUID.randomUUID().toString();
        RequestLog.refused(
                request.getMethod(),
                path,
                status,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime()),
                id,
                problem);
        response.setStatus(status);
        // Whatever of the body is left unread is not worth waiting for: the connection closes after this answer.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (RequestLog.isApi(path)) {
            noStore(response);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(
                    response,
                    true,
                    ErrorMapper.text(
                            json,
                            ErrorMapper.body(
                                    status,
                                    id,
                                    status == 503 ? "Service Unavailable" : "Validation Error",
                                    List.of(problem))),
                    callback);
        } else {
            noStore(response);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            Content.Sink.write(response, true, problem + " (error id " + id + ")\n", callback);
        }
    }

    /** One body on its way in: read as it arrives, handed on whole, or refused when late, too large or broken. */
    private final class BodyReader implements Runnable {

        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean finished = new AtomicBoolean();
        /** What this body counts in {@link #waitingBytes}; given back once, by whoever finishes it. */
        private final AtomicLong held = new AtomicLong();

        private final Scheduler.Task deadline;

        BodyReader(Handler next, Request request, Response response, Callback callback) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            Scheduler scheduler = request.getComponents().getScheduler();
            this.deadline = scheduler.schedule(this::late, BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Called by Jetty when more of the body can be read. */
        @Override
        public void run() {
            read();
        }

        void read() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    chunk.release();
                    broken(failure);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int size = bytes.remaining();
                boolean last = chunk.isLast();
                if (body.size() + (long) size > ErrorMapper.MAX_BODY_BYTES) {
                    chunk.release();
                    finish(HttpStatus.BAD_REQUEST_400, tooLarge());
                    return;
                }
                held.addAndGet(size);
                if (waitingBytes.addAndGet(size) > MAX_WAITING_BYTES) {
                    chunk.release();
                    finish(
                            HttpStatus.SERVICE_UNAVAILABLE_503,
                            "request body: the server is busy receiving other" + " bodies; try again shortly");
                    return;
                }
                byte[] copy = new byte[size];
                bytes.get(copy);
                chunk.release();
                if (finished.get()) {
                    // The deadline struck while this chunk was counted: give back what the deadline could not see.
                    release();
                    return;
                }
                body.write(copy, 0, size);
                if (last) {
                    complete();
                    return;
                }
            }
        }

        /** Gives back this body's count; {@link #finished} is set first, so a chunk counted later sees it. */
        private void release() {
            waitingBytes.addAndGet(-held.getAndSet(0));
        }

        private void late() {
            finish(
                    HttpStatus.REQUEST_TIMEOUT_408,
                    "request body: not received within " + BODY_DEADLINE.toSeconds() + " s (" + body.size()
                            + " bytes arrived)");
        }

        private void broken(Throwable failure) {
            if (failure instanceof TimeoutException) {
                late();
            } else {
                finish(HttpStatus.BAD_REQUEST_400, "request body: unreadable (" + describe(failure) + ")");
            }
        }

        private void finish(int status, String problem) {
            if (!finished.compareAndSet(false, true)) {
                release();
                return;
            }
            deadline.cancel();
            release();
            refuse(request, response, callback, status, problem);
        }

        private void complete() {
            if (!finished.compareAndSet(false, true)) return;
            deadline.cancel();
            byte[] bytes = body.toByteArray();
            release();
            Request whole = new WholeBody(request, bytes);
            try {
                if (!next.handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(whole, response, callback, failure);
            }
        }
    }

    /** What went wrong with a body, in a few words and none of the caller's bytes. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) return failure.getClass().getSimpleName();
        String line = message.lines().findFirst().orElse("");
        return LogText.escape(line.length() > 80 ? line.substring(0, 80) + "..." : line);
    }

    /** A HEAD, shown to the routes as the GET whose answer it asks for. */
    private static final class AsGet extends Request.Wrapper {

        AsGet(Request request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return HttpMethod.GET.asString();
        }
    }

    /** The request with its body already read: a route reads it at once, and never waits. */
    private static final class WholeBody extends Request.Wrapper {

        private @Nullable ByteBuffer remaining;

        WholeBody(Request request, byte[] body) {
            super(request);
            this.remaining = ByteBuffer.wrap(body);
        }

        @Override
        public Content.Chunk read() {
            ByteBuffer body = remaining;
            remaining = null;
            return body == null ? Content.Chunk.EOF : Content.Chunk.from(body, true);
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            remaining = null;
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            remaining = null;
        }
    }
}
