package tochka.acquiring.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.ErrorBody;

/**
 * Sends one call to the bank, tries it again where that is safe, and turns the answer into an {@link Envelope} or a
 * {@link TochkaException}. Everything is asynchronous ({@link HttpClient#sendAsync}); the blocking methods of the
 * resources wait on it with {@link #await}.
 */
final class Transport {

    /** Answers larger than this are refused unread: a list page of 1000 payments is about 1 MB. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger("tochka.acquiring.client");
    private static final int LOGGED_BODY_CHARS = 4096;

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

    /** The bank's {@code Data} of {@code call}'s answer, read as {@code dataType}. */
    <T> CompletableFuture<T> data(Call call, JavaType dataType) {
        return this.<T>envelope(call, dataType).thenApply(Envelope::data);
    }

    /** {@code call}'s whole answer: {@code Data} as {@code dataType}, with {@code Links} and {@code Meta}. */
    <T> CompletableFuture<Envelope<T>> envelope(Call call, JavaType dataType) {
        JavaType envelopeType = JSON.getTypeFactory().constructParametricType(Envelope.class, dataType);
        return new Attempts<Envelope<T>>(call, envelopeType).start();
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
        if (cause instanceof TochkaException) return (TochkaException) cause;
        return new ServerException(call, 0, null, "the SDK failed: " + cause);
    }

    /** The tries of one call, each scheduled after the one before failed. */
    private final class Attempts<T> {
        private final Call call;
        private final JavaType type;
        private final long started = System.nanoTime();
        private final long deadline = started + callTimeout.toNanos();
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final byte @Nullable [] body;
        private int attempt;
        private int lastStatus;

        Attempts(Call call, JavaType type) {
            this.call = call;
            this.type = type;
            this.body = call.body() == null ? null : json(call.body());
        }

        CompletableFuture<T> start() {
            next();
            return result;
        }

        private void next() {
            if (result.isDone()) return; // cancelled by the caller
            attempt++;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(new NetworkException(
                        call.name(), "no answer within the call timeout of " + callTimeout, null, false));
                return;
            }
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
            long sent = System.nanoTime();
            http.sendAsync(request.build(), responseInfo -> new LimitedBody(MAX_ANSWER_BYTES))
                    .whenComplete((response, failure) -> {
                        try {
                            if (failure != null) {
                                failed(unwrapIo(failure), sent);
                            } else {
                                answered(response, sent);
                            }
                        } catch (RuntimeException e) {
                            fail(unwrap(e, call.name()));
                        }
                    });
        }

        private void answered(HttpResponse<byte[]> response, long sent) {
            lastStatus = response.statusCode();
            log(response.statusCode(), sent, response.body(), null);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                T envelope;
                try {
                    envelope = JSON.readValue(response.body(), type);
                } catch (IOException e) {
                    fail(new ServerException(
                            call.name(), status, null, "the answer is not the bank's JSON: " + e.getMessage()));
                    return;
                }
                succeed(envelope);
                return;
            }
            ErrorBody error = errorBody(response.body());
            String message = message(status, error, response.body());
            if (status == 429) {
                Duration retryAfter = retryAfter(response).orElse(null);
                if (retry(retryAfter == null ? retries.backoff(attempt) : retries.honour(retryAfter))) return;
                fail(new RateLimitException(call.name(), error, message, retryAfter));
            } else if (status >= 500) {
                if (call.safety() == Safety.RETRY) {
                    Duration retryAfter = retryAfter(response).orElse(null);
                    if (retry(retryAfter == null ? retries.backoff(attempt) : retries.honour(retryAfter))) return;
                }
                fail(new ServerException(call.name(), status, error, message));
            } else {
                fail(clientError(call.name(), status, error, message));
            }
        }

        private void failed(Throwable failure, long sent) {
            lastStatus = 0;
            log(0, sent, null, failure);
            // Without a connection the bank saw nothing: even a payment may go again.
            boolean notSent = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
            String what = failure instanceof HttpTimeoutException
                    ? "no answer within " + requestTimeout
                    : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if ((notSent || call.safety() == Safety.RETRY) && retry(retries.backoff(attempt))) return;
            fail(new NetworkException(call.name(), (notSent ? "could not connect: " : "") + what, failure, !notSent));
        }

        /** Schedules the next try after {@code wait}, unless tries or time ran out. */
        private boolean retry(Duration wait) {
            if (attempt >= retries.maxAttempts()) return false;
            if (System.nanoTime() + wait.toNanos() >= deadline) return false;
            CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS)
                    .execute(this::next);
            return true;
        }

        private void succeed(T value) {
            ended(null);
            result.complete(value);
        }

        private void fail(TochkaException error) {
            ended(error);
            result.completeExceptionally(error);
        }

        private void ended(@Nullable TochkaException error) {
            try {
                listener.callEnded(new CallEvent(
                        call.method(),
                        call.route(),
                        lastStatus,
                        attempt,
                        Duration.ofNanos(System.nanoTime() - started),
                        error));
            } catch (RuntimeException ignored) {
                // A listener's failure is not the call's.
            }
        }

        private void log(int status, long sent, byte @Nullable [] answer, @Nullable Throwable failure) {
            if (logging == RequestLogging.NONE) return;
            Level level = failure != null || status >= 400 ? Level.INFO : Level.DEBUG;
            if (!LOG.isLoggable(level)) return;
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            StringBuilder line = new StringBuilder()
                    .append(call.method())
                    .append(' ')
                    .append(baseUrl.resolve(call.path()))
                    .append(" try ")
                    .append(attempt)
                    .append(": ")
                    .append(failure != null ? failure.toString() : String.valueOf(status))
                    .append(" in ")
                    .append(millis)
                    .append(" ms");
            if (logging == RequestLogging.BODIES) {
                if (body != null) line.append("\n> ").append(cut(body));
                if (answer != null) line.append("\n< ").append(cut(answer));
            }
            LOG.log(level, line.toString());
        }
    }

    private static String cut(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() <= LOGGED_BODY_CHARS ? text : text.substring(0, LOGGED_BODY_CHARS) + "…";
    }

    private static Throwable unwrapIo(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        return cause;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static @Nullable ErrorBody errorBody(byte[] bytes) {
        try {
            ErrorBody body = JSON.readValue(bytes, ErrorBody.class);
            return body.message() == null && body.code() == null ? null : body;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String message(int status, @Nullable ErrorBody error, byte[] bytes) {
        if (error != null && error.message() != null) return status + " " + error.message();
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return "HTTP " + status
                + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }

    /** The exception a 4xx answer (but 429) means. */
    private static TochkaException clientError(String call, int status, @Nullable ErrorBody error, String message) {
        switch (status) {
            case 401:
                return new AuthenticationException(call, status, error, message);
            case 403:
                return new PermissionException(call, status, error, message);
            case 404:
                return new NotFoundException(call, status, error, message);
            case 409:
                return new ConflictException(call, status, error, message);
            default:
                boolean stateForbids = error != null
                        && error.errors() != null
                        && error.errors().stream().anyMatch(d -> "Operation Not Allowed".equals(d.errorCode()));
                return stateForbids
                        ? new ConflictException(call, status, error, message)
                        : new InvalidRequestException(call, status, error, message);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String text = value.strip();
            if (text.length() > 64) return Optional.empty();
            try {
                if (text.chars().allMatch(Character::isDigit)) {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(text.isEmpty() ? "0" : text)));
                }
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (NumberFormatException | DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
