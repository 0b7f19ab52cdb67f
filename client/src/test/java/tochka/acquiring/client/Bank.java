package tochka.acquiring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** A scripted bank for the client's tests: clients pointed at a MockWebServer, the bank's answers, failures. */
final class Bank {

    static final String TOKEN = "test-secret-token-4f2a";
    static final String CUSTOMER = "300000092";

    /** A tiny backoff, so that retries cost nothing. */
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private Bank() {}

    /** A client of {@code server}'s {@code /uapi}, with fast retries and short timeouts. */
    static TochkaClient.Builder client(MockWebServer server) {
        return TochkaClient.builder()
                .baseUrl(server.url("/uapi").toString())
                .token(TOKEN)
                .customerCode(CUSTOMER)
                .retryPolicy(FAST)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(10));
    }

    static MockResponse ok(String json) {
        return answer(200, json);
    }

    static MockResponse answer(int status, String json) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(json)
                .build();
    }

    /** The request is read, then the connection closes without a byte of answer. */
    static MockResponse dropped() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build();
    }

    /**
     * The answer breaks off after its headers and a few bytes: a connection reset that the JDK's client does not
     * repair by itself, whatever the method.
     */
    static MockResponse cutOff() {
        return new MockResponse.Builder()
                .body("{\"Data\":")
                .setHeader("Content-Length", "1000")
                .onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
                .build();
    }

    /** The request is read, and no answer ever comes. */
    static MockResponse stalled() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }

    /** The bank's error body with one {@code Errors[]} entry. */
    static String error(int status, String message, String errorCode, String detail) {
        return "{\"code\":\"" + status + "\",\"id\":\"err-" + status + "\",\"message\":\"" + message + "\","
                + "\"Errors\":[{\"errorCode\":\"" + errorCode + "\",\"message\":\"" + detail
                + "\",\"url\":\"Data.amount\"}]}";
    }

    /** One payment of the list or info answer. */
    static String payment(String operationId, String paymentLinkId, String status, String orders) {
        return "{\"customerCode\":\"" + CUSTOMER + "\",\"createdAt\":\"2024-05-01T12:00:00+03:00\","
                + "\"paymentMode\":[\"card\",\"sbp\"],\"purpose\":\"Order 42\",\"amount\":1500.10,"
                + "\"status\":\"" + status + "\",\"operationId\":\"" + operationId + "\","
                + "\"paymentLink\":\"https://pay.example/" + operationId + "\",\"Order\":[" + orders + "],"
                + "\"paymentLinkId\":\"" + paymentLinkId + "\"}";
    }

    /** A refund order, for {@link #payment}'s {@code orders}. */
    static String refundOrder(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"type\":\"refund\",\"amount\":" + amount
                + ",\"time\":\"2024-05-02T23:30:00+00:00\"}";
    }

    /** The {@code Operation} list answer, one page of {@code totalPages}. */
    static String operations(int totalPages, String... payments) {
        return "{\"Data\":{\"Operation\":[" + String.join(",", payments) + "]},\"Links\":{\"self\":\"x\"},"
                + "\"Meta\":{\"totalPages\":" + totalPages + "}}";
    }

    /** The answer to a create. */
    static String created(String operationId, String paymentLinkId) {
        return "{\"Data\":{\"purpose\":\"Order 42\",\"status\":\"CREATED\",\"amount\":1500.10,\"operationId\":\""
                + operationId + "\",\"paymentLink\":\"https://pay.example/" + operationId + "\",\"paymentLinkId\":\""
                + paymentLinkId
                + "\",\"paymentMode\":[\"card\"]},\"Links\":{\"self\":\"x\"},\"Meta\":{\"totalPages\":1}}";
    }

    /** The answer to a refund. */
    static String refunded(String operationId, String orderId, String amount) {
        return "{\"Data\":{\"isRefund\":true,\"operationId\":\"" + operationId + "\",\"amount\":" + amount
                + ",\"date\":\"2024-05-03\",\"orderId\":\"" + orderId + "\"},\"Links\":{\"self\":\"x\"},"
                + "\"Meta\":{\"totalPages\":1}}";
    }

    /** Every request the server took so far, in order. */
    static List<RecordedRequest> taken(MockWebServer server) throws InterruptedException {
        List<RecordedRequest> all = new java.util.ArrayList<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
            if (request == null) break;
            all.add(request);
        }
        return all;
    }

    /** The request lines ({@code GET /uapi/...}) of {@code requests}, without their queries. */
    static List<String> lines(List<RecordedRequest> requests) {
        return requests.stream()
                .map(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                .collect(Collectors.toList());
    }

    static String body(RecordedRequest request) {
        var bytes = request.getBody();
        return bytes == null ? "" : bytes.utf8();
    }

    /** The {@code Data.paymentLinkId} of a create's recorded body. */
    static String linkId(RecordedRequest create) {
        try {
            return Transport.JSON
                    .readTree(body(create))
                    .path("Data")
                    .path("paymentLinkId")
                    .asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A server's answers in order, each made from the request it answers (and those before), so that an answer can
     * name the {@code paymentLinkId} the client made up. A request beyond the script gets a 418.
     */
    static final class Script extends mockwebserver3.Dispatcher {
        private final java.util.Deque<java.util.function.Function<RecordedRequest, MockResponse>> steps =
                new java.util.concurrent.ConcurrentLinkedDeque<>();
        final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

        Script then(MockResponse response) {
            steps.add(request -> response);
            return this;
        }

        Script then(java.util.function.Function<RecordedRequest, MockResponse> step) {
            steps.add(step);
            return this;
        }

        /** The {@code paymentLinkId} of the first create this server took. */
        String firstLinkId() {
            return requests.stream()
                    .filter(r -> "POST".equals(r.getMethod()))
                    .findFirst()
                    .map(Bank::linkId)
                    .orElseThrow();
        }

        List<String> lines() {
            return Bank.lines(requests);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            var step = steps.poll();
            return step == null
                    ? answer(418, "{\"message\":\"unscripted " + request.getMethod() + "\"}")
                    : step.apply(request);
        }
    }

    /** A listener that keeps every event. */
    static final class Events implements CallListener {
        final List<CallEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void callEnded(CallEvent event) {
            all.add(event);
        }

        CallEvent last() {
            return all.get(all.size() - 1);
        }
    }
}
