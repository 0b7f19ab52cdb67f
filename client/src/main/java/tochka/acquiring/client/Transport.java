package tochka.acquiring.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.ErrorBody;

/**
 * Sends one call to the bank, tries it again where that is safe, and turns the answer into an {@link Envelope} or a
 * {@link TochkaException}. Everything is asynchronous ({@link HttpClient#sendAsync}); the blocking methods of the
 * resources wait on it with {@link #await}.
 *
 * <p>Every call runs in a {@link Scope}: one deadline (the client's call timeout) for all its tries, and the
 * caller's cancellation. A payment's create, its lookup and its resend share one scope, so that the whole of it
 * ends within the call timeout and stops when the caller cancels any future made from it.
 */
final class Transport {

    /** Answers larger than this are refused unread: a list page of 1000 payments is about 1 MB. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger("tochka.acquiring.client");
    private static final int LOGGED_BODY_CHARS = 4096;
    private static final int MESSAGE_CHARS = 200;
    private static final int MESSAGE_DETAILS = 5;

    /** Jackson as the bank's JSON needs it: exact decimals, unknown fields and enum values tolerated. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Whether a call may be sent again after a failure whose outcome is unknown. */
    enum Safety {
        /** A read (or an idempotent write): retried on network errors, 429 and 5xx. */
        RETRY,
        /** A payment or refund: retried only when the bank surely did not act (no connection, 429). */
        ONCE
    }

    /**
     * One call: {@code route} is the path template for logs and metrics, {@code path} the path with its ids and
     * query, relative to the base URL.
     */
    record Call(
            String method,
            String route,
            String path,
            @Nullable Object body,
            Safety safety) {
        String name() {
            return method + " " + route;
        }
    }

    /** What one caller's call may use: a deadline for all its tries and lookups, and whether it was cancelled. */
    static final class Scope {
        private final long deadline;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final Set<Runnable> inFlight = ConcurrentHashMap.newKeySet();

        private Scope(long deadline) {
            this.deadline = deadline;
        }

        /** Whether the caller cancelled a future of this scope. */
        boolean cancelled() {
            return cancelled.get();
        }

        /** Nanoseconds until the deadline; zero or less when it passed. */
        long nanosLeft() {
            return deadline - System.nanoTime();
        }

        /** Stops every try in flight and every later one. */
        void cancel() {
            if (!cancelled.compareAndSet(false, true)) return;
            for (Runnable abort : List.copyOf(inFlight)) abort.run();
        }

        /** A future of this scope: cancelling it, or any stage made from it, cancels the scope. */
        <T> CompletableFuture<T> future() {
            return new ScopedFuture<>(this);
        }
    }

    /**
     * A future whose stages ({@code thenApply}, {@code thenCompose}, ...) belong to the same {@link Scope}, so that
     * cancelling the future a caller holds stops the tries behind it, however many stages away they are.
     */
    private static final class ScopedFuture<T> extends CompletableFuture<T> {
        private final Scope scope;

        ScopedFuture(Scope scope) {
            this.scope = scope;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new ScopedFuture<>(scope);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) scope.cancel();
            return cancelled;
        }
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retries;
    private final RequestLogging logging;
    private final CallListener listener;

    Transport(
            HttpClient http,
            URI baseUrl,
            String token,
            Duration requestTimeout,
            Duration callTimeout,
            RetryPolicy retries,
            RequestLogging logging,
            CallListener listener) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + token;
        this.requestTimeout = requestTimeout;
        this.callTimeout = callTimeout;
        this.retries = retries;
        this.logging = logging;
        this.listener = listener;
    }

    /** A new scope: the call timeout from now. */
    Scope scope() {
        return new Scope(System.nanoTime() + callTimeout.toNanos());
    }

    /** The bank's {@code Data} of {@code call}'s answer, read as {@code dataType}, in a scope of its own. */
    <T> CompletableFuture<T> data(Call call, JavaType dataType) {
        return data(scope(), call, dataType);
    }

    /** The bank's {@code Data} of {@code call}'s answer, read as {@code dataType}, within {@code scope}. */
    <T> CompletableFuture<T> data(Scope scope, Call call, JavaType dataType) {
        return this.<T>envelope(scope, call, dataType).thenApply(Envelope::data);
    }

    /** {@code call}'s whole answer: {@code Data} as {@code dataType}, with {@code Links} and {@code Meta}. */
    <T> CompletableFuture<Envelope<T>> envelope(Call call, JavaType dataType) {
        return envelope(scope(), call, dataType);
    }

    /** {@code call}'s whole answer within {@code scope}. */
    <T> CompletableFuture<Envelope<T>> envelope(Scope scope, Call call, JavaType dataType) {
        JavaType envelopeType = JSON.getTypeFactory().constructParametricType(Envelope.class, dataType);
        return new Attempts<Envelope<T>>(scope, call, envelopeType).start();
    }

    /**
     * Set while a blocking call builds its future: its tries that start on the caller's thread are sent with
     * {@link HttpClient#send}, which answers on that thread. {@link HttpClient#sendAsync} hands every answer to the
     * client's executor first, a thread switch that costs a blocking caller a third of a millisecond a call
     * ({@code bench/sdk-overhead}). Retries and lookups that run later on other threads stay asynchronous.
     */
    private static final ThreadLocal<Boolean> BLOCKING = ThreadLocal.withInitial(() -> false);

    /** Runs {@code call} for a blocking caller (its first tries on this thread) and waits for its result. */
    static <T> T block(Supplier<CompletableFuture<T>> call, String name) {
        boolean outer = BLOCKING.get();
        BLOCKING.set(true);
        CompletableFuture<T> future;
        try {
            future = call.get();
        } finally {
            BLOCKING.set(outer);
        }
        return await(future, name);
    }

    /** Waits for {@code future}, rethrowing its {@link TochkaException} as it is. */
    static <T> T await(CompletableFuture<T> future, String call) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new NetworkException(call, "interrupted while waiting for the bank", e, true);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), call);
        } catch (CancellationException e) {
            throw new NetworkException(call, "cancelled", e, true);
        }
    }

    /** The {@link TochkaException} inside what a future failed with. */
    static TochkaException unwrap(@Nullable Throwable failure, String call) {
        Throwable cause = failure;
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            if (cause.getCause() == null) break;
            cause = cause.getCause();
        }
        if (cause instanceof TochkaException tochka) return tochka;
        if (cause instanceof CancellationException) return new NetworkException(call, "cancelled", cause, true);
        return new ServerException(call, 0, null, "the SDK failed: " + cause, cause);
    }

    /** The tries of one call, each scheduled after the one before failed. */
    private final class Attempts<T> {
        private final Scope scope;
        private final Call call;
        private final JavaType type;
        private final long started = System.nanoTime();
        private final CompletableFuture<T> result;
        private final byte @Nullable [] body;
        private final AtomicBoolean ended = new AtomicBoolean();
        // Tries follow each other (each is scheduled by the end of the one before), but the caller's cancel and
        // the listener may read these from other threads.
        private final AtomicInteger attempt = new AtomicInteger();
        private volatile int lastStatus;
        private volatile @Nullable TochkaException lastError;

        Attempts(Scope scope, Call call, JavaType type) {
            this.scope = scope;
            this.call = call;
            this.type = type;
            this.result = scope.future();
            this.body = call.body() == null ? null : json(call.body());
        }

        CompletableFuture<T> start() {
            next();
            return result;
        }

        private void next() {
            try {
                send();
            } catch (RuntimeException | Error e) {
                // Whatever breaks here must still end the call: an executor would swallow it, and the caller wait.
                fail(new ServerException(call.name(), 0, null, "the SDK failed: " + e, e));
            }
        }

        @SuppressWarnings("FutureReturnValueIgnored") // each stage's end is handled inside it
        private void send() {
            if (ended.get()) return;
            if (scope.cancelled()) {
                fail(cancelled());
                return;
            }
            long left = scope.nanosLeft();
            if (left <= 0) {
                TochkaException last = lastError;
                fail(last != null ? last : timedOut());
                return;
            }
            int number = attempt.incrementAndGet();
            Duration timeout = Duration.ofNanos(Math.min(left, requestTimeout.toNanos()));
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(call.path()))
                    .timeout(timeout)
                    .header("Authorization", authorization)
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                request.method(call.method(), HttpRequest.BodyPublishers.noBody());
            }
            if (BLOCKING.get()) {
                sendOnThisThread(request.build(), number, timeout);
                return;
            }
            AtomicReference<@Nullable LimitedBody> answer = new AtomicReference<>();
            AtomicInteger status = new AtomicInteger();
            long sent = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info -> {
                status.set(info.statusCode());
                LimitedBody limited = new LimitedBody(MAX_ANSWER_BYTES);
                answer.set(limited);
                return limited;
            });
            Runnable abort = () -> {
                exchange.cancel(true);
                LimitedBody limited = answer.get();
                if (limited != null) limited.abort();
            };
            scope.inFlight.add(abort);
            if (scope.cancelled()) abort.run(); // cancelled while this try was being sent
            // The JDK's request timeout ends at the answer's headers; this one also covers a body that stalls.
            CompletableFuture<HttpResponse<byte[]>> watched = new CompletableFuture<>();
            exchange.whenComplete((response, failure) -> {
                if (failure == null) watched.complete(response);
                else watched.completeExceptionally(failure);
            });
            watched.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((response, failure) -> {
                scope.inFlight.remove(abort);
                try {
                    if (scope.cancelled()) {
                        abort.run();
                        fail(cancelled());
                    } else if (failure == null) {
                        answered(response, number, sent);
                    } else {
                        Throwable cause = unwrapIo(failure);
                        if (cause instanceof TimeoutException) {
                            abort.run();
                            cause = new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms");
                        }
                        failed(cause, status.get(), number, sent);
                    }
                } catch (RuntimeException | Error e) {
                    fail(new ServerException(call.name(), 0, null, "the SDK failed: " + e, e));
                }
            });
        }

        /** One try on the blocking caller's thread: the same answer handling, no thread switch. */
        @SuppressWarnings("FutureReturnValueIgnored") // the watch's end is handled inside it
        private void sendOnThisThread(HttpRequest request, int number, Duration timeout) {
            AtomicReference<@Nullable LimitedBody> answer = new AtomicReference<>();
            AtomicInteger status = new AtomicInteger();
            AtomicBoolean stalled = new AtomicBoolean();
            // The JDK's request timeout ends at the answer's headers; this watch also covers a body that stalls.
            CompletableFuture<Void> watch = new CompletableFuture<>();
            watch.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((done, late) -> {
                if (late == null) return;
                stalled.set(true);
                LimitedBody limited = answer.get();
                if (limited != null) limited.abort();
            });
            long sent = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, info -> {
                    status.set(info.statusCode());
                    LimitedBody limited = new LimitedBody(MAX_ANSWER_BYTES);
                    answer.set(limited);
                    return limited;
                });
            } catch (IOException e) {
                watch.complete(null);
                Throwable cause =
                        stalled.get() ? new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms") : e;
                failed(cause, status.get(), number, sent);
                return;
            } catch (InterruptedException e) {
                watch.complete(null);
                Thread.currentThread().interrupt();
                fail(new NetworkException(call.name(), "interrupted while waiting for the bank", e, true));
                return;
            }
            watch.complete(null);
            answered(response, number, sent);
        }

        private void answered(HttpResponse<byte[]> response, int number, long sent) {
            int status = response.statusCode();
            lastStatus = status;
            log(status, number, sent, response.body(), null);
            if (status >= 200 && status < 300) {
                T envelope;
                try {
                    envelope = JSON.readValue(response.body(), type);
                } catch (IOException e) {
                    String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                    fail(new ServerException(
                            call.name(),
                            status,
                            null,
                            "HTTP " + status + " with an answer that is not the bank's JSON: "
                                    + cut(String.valueOf(why), MESSAGE_CHARS)));
                    return;
                }
                if (envelope == null) {
                    fail(new ServerException(call.name(), status, null, "HTTP " + status + " with an empty answer"));
                    return;
                }
                succeed(envelope);
                return;
            }
            ErrorBody error = errorBody(response.body());
            String message = message(status, error, response);
            if (status == 429) {
                Duration retryAfter = retryAfter(response).orElse(null);
                var limited = new RateLimitException(call.name(), error, message, retryAfter);
                if (retry(limited, retryAfter == null ? retries.backoff(number) : retries.honour(retryAfter))) {
                    return;
                }
                fail(limited);
            } else if (status >= 500) {
                var failed = new ServerException(call.name(), status, error, message);
                if (call.safety() == Safety.RETRY) {
                    Duration retryAfter = retryAfter(response).orElse(null);
                    if (retry(failed, retryAfter == null ? retries.backoff(number) : retries.honour(retryAfter))) {
                        return;
                    }
                }
                fail(failed);
            } else {
                fail(clientError(call.name(), status, error, message));
            }
        }

        private void failed(Throwable failure, int status, int number, long sent) {
            log(0, number, sent, null, failure);
            if (find(failure, LimitedBody.TooLarge.class) != null) {
                // A deterministic answer, not a network fault: trying again would fetch the same 16 MB.
                lastStatus = status;
                fail(new ServerException(
                        call.name(),
                        status,
                        null,
                        "HTTP " + status + ": " + failure.getMessage() + ", refused unread"));
                return;
            }
            lastStatus = 0;
            if (find(failure, SSLHandshakeException.class) != null) {
                // Nothing was sent, and a certificate the JVM does not trust won't be trusted on the next try.
                fail(new NetworkException(
                        call.name(),
                        "the TLS handshake with " + baseUrl.getHost() + " failed (" + failure.getMessage()
                                + "); if the JVM does not trust the server's certificate, add its root CA (for the"
                                + " bank: the Russian Trusted Root CA) to the truststore",
                        failure,
                        false));
                return;
            }
            // Without a connection the bank saw nothing: even a payment may go again.
            boolean notSent = find(failure, ConnectException.class) != null
                    || find(failure, HttpConnectTimeoutException.class) != null;
            String what = failure instanceof HttpTimeoutException
                    ? failure.getMessage()
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            var error = new NetworkException(
                    call.name(),
                    (notSent ? "could not connect to " + baseUrl.getHost() + ": " : "") + what,
                    failure,
                    !notSent);
            if ((notSent || call.safety() == Safety.RETRY) && retry(error, retries.backoff(number))) return;
            fail(error);
        }

        /** Schedules the next try after {@code wait}, unless tries or time ran out; {@code error} is this try's. */
        private boolean retry(TochkaException error, Duration wait) {
            if (attempt.get() >= retries.maxAttempts() || scope.cancelled()) return false;
            if (wait.toNanos() >= scope.nanosLeft()) return false;
            lastError = error;
            // A cancel during the wait ends the call at once (next() sees it), not when the wait is over.
            Runnable wake = this::next;
            scope.inFlight.add(wake);
            CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> {
                        scope.inFlight.remove(wake);
                        next();
                    });
            if (scope.cancelled()) wake.run(); // cancelled while the wait was being set up
            return true;
        }

        private NetworkException cancelled() {
            return new NetworkException(call.name(), "cancelled by the caller", null, attempt.get() > 0);
        }

        private NetworkException timedOut() {
            return new NetworkException(
                    call.name(), "no answer within the call timeout of " + callTimeout, null, attempt.get() > 0);
        }

        private void succeed(T value) {
            if (!ended.compareAndSet(false, true)) return;
            ended(null);
            result.complete(value);
        }

        private void fail(TochkaException error) {
            if (!ended.compareAndSet(false, true)) return;
            ended(error);
            result.completeExceptionally(error);
        }

        private void ended(@Nullable TochkaException error) {
            try {
                listener.callEnded(new CallEvent(
                        call.method(),
                        call.route(),
                        lastStatus,
                        attempt.get(),
                        Duration.ofNanos(System.nanoTime() - started),
                        error));
            } catch (RuntimeException | Error e) {
                // A listener's failure is not the call's: the caller still gets its answer.
                LOG.log(Level.WARNING, "the CallListener failed on " + call.name(), e);
            }
        }

        private void log(int status, int number, long sent, byte @Nullable [] answer, @Nullable Throwable failure) {
            if (logging == RequestLogging.NONE) return;
            Level level = failure != null || status >= 400 ? Level.INFO : Level.DEBUG;
            if (!LOG.isLoggable(level)) return;
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            StringBuilder line = new StringBuilder()
                    .append(call.method())
                    .append(' ')
                    .append(baseUrl.resolve(call.path()))
                    .append(" try ")
                    .append(number)
                    .append(": ")
                    .append(failure != null ? failure.toString() : String.valueOf(status))
                    .append(" in ")
                    .append(millis)
                    .append(" ms");
            if (logging == RequestLogging.BODIES) {
                if (body != null) line.append("\n> ").append(cut(text(body), LOGGED_BODY_CHARS));
                if (answer != null) line.append("\n< ").append(cut(text(answer), LOGGED_BODY_CHARS));
            }
            LOG.log(level, line.toString());
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars) + "…";
    }

    private static Throwable unwrapIo(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        return cause;
    }

    /** {@code failure} or the first of its causes that is a {@code type}, looking a few levels deep. */
    private static <E extends Throwable> @Nullable E find(Throwable failure, Class<E> type) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) return type.cast(cause);
        }
        return null;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The bank's error body, read field by field: the bank leaves out {@code Errors} on some errors (and
     * {@link ErrorBody} needs it), and a proxy's error page is no JSON at all.
     */
    @SuppressWarnings("NullAway") // ErrorBody's fields are what the bank may leave out: null here means absent
    static @Nullable ErrorBody errorBody(byte[] bytes) {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (tree == null || !tree.isObject()) return null;
        String code = textOf(tree.get("code"));
        String id = textOf(tree.get("id"));
        String message = textOf(tree.get("message"));
        if (code == null && message == null) return null;
        List<ErrorBody.ErrorDetail> details = new ArrayList<>();
        JsonNode errors = tree.get("Errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode detail : errors) {
                if (!detail.isObject()) continue;
                details.add(new ErrorBody.ErrorDetail(
                        textOf(detail.get("errorCode")), textOf(detail.get("message")), textOf(detail.get("url"))));
            }
        }
        return new ErrorBody(code, id, message, details);
    }

    private static @Nullable String textOf(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** A message to act on: the bank's own with its details, or what a proxy's page says, cut short. */
    private static String message(int status, @Nullable ErrorBody error, HttpResponse<byte[]> response) {
        if (error != null && error.message() != null) {
            StringBuilder message =
                    new StringBuilder().append(status).append(' ').append(error.message());
            int shown = 0;
            for (ErrorBody.ErrorDetail detail : error.errors()) {
                if (shown++ == MESSAGE_DETAILS) {
                    message.append("; …");
                    break;
                }
                message.append(shown == 1 ? ": " : "; ");
                if (detail.url() != null && !detail.url().isBlank())
                    message.append(detail.url()).append(": ");
                message.append(detail.message() != null ? detail.message() : detail.errorCode());
            }
            return cut(message.toString(), 4 * MESSAGE_CHARS);
        }
        String text = text(response.body());
        boolean html = response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("html")
                || text.stripLeading().startsWith("<");
        if (html) {
            // A proxy's error page: its words without the markup.
            text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        }
        text = text.replaceAll("\\s+", " ").strip();
        return "HTTP " + status + " (not the bank's error JSON"
                + (text.isEmpty() ? ")" : "): " + cut(text, MESSAGE_CHARS));
    }

    /** The exception a 4xx answer (but 429) means. */
    private static TochkaException clientError(String call, int status, @Nullable ErrorBody error, String message) {
        return switch (status) {
            case 401 -> new AuthenticationException(call, status, error, message);
            case 403 -> new PermissionException(call, status, error, message);
            case 404 -> new NotFoundException(call, status, error, message);
            case 409 -> new ConflictException(call, status, error, message);
            default -> {
                boolean stateForbids = error != null
                        && error.errors().stream().anyMatch(d -> "Operation Not Allowed".equals(d.errorCode()));
                yield stateForbids
                        ? new ConflictException(call, status, error, message)
                        : new InvalidRequestException(call, status, error, message);
            }
        };
    }

    /** {@code Retry-After} in seconds or as an HTTP date; what can't be read is as if absent. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(Transport::retryAfter);
    }

    static Optional<Duration> retryAfter(String value) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 64) return Optional.empty();
        try {
            if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                // More than a day is as good as forever: the policy caps the wait anyway.
                return Optional.of(text.length() > 6 ? Duration.ofDays(1) : Duration.ofSeconds(Long.parseLong(text)));
            }
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
