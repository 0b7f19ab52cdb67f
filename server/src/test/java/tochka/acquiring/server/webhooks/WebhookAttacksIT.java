package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.keys.Keys;
import tochka.acquiring.server.testing.TricklingReceiver;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * What an attack through webhook URLs found, reproduced: receivers that trickle their answer (against the test call
 * of a subscribe and against the dispatcher), URLs into the server's own network, far-side detail in the error, and
 * parallel creates of one client's webhook.
 */
class WebhookAttacksIT {

    private static final Duration UNDER_ATTACK = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @EnumSource(
            value = TricklingReceiver.Mode.class,
            names = {"BODY", "HEADERS"})
    void test_calls_to_a_trickling_receiver_leave_the_server_answering(TricklingReceiver.Mode mode) throws Exception {
        int attackers = 250;
        try (TestServer server = TestServer.start();
                TricklingReceiver trickler = TricklingReceiver.start()) {
            trickler.trickle(mode);
            List<Keys.IssuedKey> keys = new ArrayList<>();
            for (int i = 0; i < attackers; i++) keys.add(newKey(server, "attacker " + i));

            Duration calm = timed(() -> server.admin().get("/health").expectStatus(200));
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
            for (Keys.IssuedKey key : keys) {
                puts.add(HTTP.sendAsync(
                        request(server, key, "PUT", webhook(trickler.url())), HttpResponse.BodyHandlers.ofString()));
            }
            // Two hundred and fifty requests at once are load of their own on a small machine; what must not happen
            // is that the receiver keeps the server's threads. So the probes start once the server has answered
            // all it can answer at once (before the fix: none, ever), while the rest of the attack is in flight.
            awaitAnswers(puts, attackers - Webhooks.TESTS_IN_FLIGHT);
            long answered = System.nanoTime() - start;
            long waitingOnReceivers = threadsWaitingOnAReceiver();

            Duration health = Duration.ZERO;
            for (int i = 0; i < 3; i++) {
                Duration probe = timed(() -> server.admin().get("/health").expectStatus(200));
                if (probe.compareTo(health) > 0) health = probe;
            }
            Duration payment = timed(() -> server.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 5, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(
                                    server.info().customerCode()))
                    .expectStatus(200));
            System.out.printf(
                    "%d test calls to a receiver trickling its %s: %d answered in %d ms, %d threads waiting"
                            + " on it; then /health (slowest of 3) %d ms (%d ms before the attack), a payment %d ms, %d tests"
                            + " in flight%n",
                    attackers,
                    mode,
                    puts.stream().filter(CompletableFuture::isDone).count(),
                    answered / 1_000_000,
                    waitingOnReceivers,
                    health.toMillis(),
                    calm.toMillis(),
                    payment.toMillis(),
                    puts.stream().filter(put -> !put.isDone()).count());
            assertThat(waitingOnReceivers)
                    .as("server threads waiting on the receiver")
                    .isZero();
            assertThat(health).isLessThan(UNDER_ATTACK);
            assertThat(payment).isLessThan(UNDER_ATTACK);

            int ok = 0;
            int refused = 0;
            for (var put : puts) {
                HttpResponse<String> answer = put.get(20, TimeUnit.SECONDS);
                if (answer.statusCode() == 200) {
                    ok++;
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                    assertThat(JSON.readTree(answer.body()).get("code").asText())
                            .isEqualTo("400");
                    refused++;
                }
            }
            System.out.printf(
                    "  answers: %d saved, %d refused (trickling headers time out; beyond %d tests at once"
                            + " the answer is at once)%n",
                    ok, refused, Webhooks.TESTS_IN_FLIGHT);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TricklingReceiver.Mode.class,
            names = {"BODY", "HEADERS"})
    void trickling_subscribers_do_not_delay_a_healthy_one(TricklingReceiver.Mode mode) throws Exception {
        int trickling = 40;
        // The bank's 10 s timeout: before the fix each trickling attempt held a worker that long (or for ever).
        var bankTimeout = new WebhookPolicy(
                30, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(10), List.of());
        try (TestServer server = TestServer.start(Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl())
                        .withWebhooks(bankTimeout));
                TricklingReceiver trickler = TricklingReceiver.start();
                WebhookReceiver healthy = WebhookReceiver.start()) {
            for (int i = 0; i < trickling; i++) {
                Keys.IssuedKey key = newKey(server, "trickler " + i);
                send(server, key, "PUT", webhook(trickler.url())).expectStatus(200);
            }
            send(server, newKey(server, "healthy"), "PUT", webhook(healthy.url()))
                    .expectStatus(200);
            healthy.clear();
            trickler.trickle(mode);

            // Several payments, so the trickling receivers have a backlog of retries and new events alike.
            for (int i = 0; i < 3; i++) server.paidCardLink("2");
            long approved = System.nanoTime();
            for (int i = 0; i < 3; i++) healthy.next(Duration.ofSeconds(30));
            Duration waited = Duration.ofNanos(System.nanoTime() - approved);

            System.out.printf(
                    "%d receivers trickling their %s: the healthy one had its 3 webhooks %d ms after the"
                            + " approvals%n",
                    trickling, mode, waited.toMillis());
            assertThat(waited).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void the_400_of_a_failed_test_tells_nothing_of_what_answered() throws Exception {
        try (TestServer server = TestServer.start();
                WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(404);
            Keys.IssuedKey key = newKey(server, "prober");
            int closed;
            try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = socket.getLocalPort();
            }

            String notFound = send(server, key, "PUT", webhook(receiver.url()))
                    .expectError(400)
                    .json()
                    .get("message")
                    .asText();
            String refused = send(server, key, "PUT", webhook("http://127.0.0.1:" + closed + "/x"))
                    .expectError(400)
                    .json()
                    .get("message")
                    .asText();

            assertThat(notFound)
                    .isEqualTo("url: the test acquiringInternetPayment webhook to " + receiver.url()
                            + " was not accepted; the webhook is kept only when every test is answered 200 within 2 s");
            // Without the URLs, whose random ports may hold the digits 404 themselves.
            String told = notFound.replace(receiver.url(), "") + refused.replace("127.0.0.1:" + closed, "");
            assertThat(told).doesNotContain("404", "HTTP", "refused", "connect", "closed");
        }
    }

    @Test
    void of_ten_parallel_creates_of_one_webhook_exactly_one_wins() throws Exception {
        try (TestServer server = TestServer.start();
                WebhookReceiver receiver = WebhookReceiver.start()) {
            Keys.IssuedKey key = newKey(server, "racer");
            // The receiver holds every test half a second, so all ten requests overlap the first one's test.
            receiver.holdUntil(new CountDownLatch(1), Duration.ofMillis(500));
            ExecutorService racers = Executors.newFixedThreadPool(10);
            try {
                List<Future<ApiResponse>> answers = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    answers.add(racers.submit(() -> send(server, key, "PUT", webhook(receiver.url()))));
                }
                int won = 0;
                for (Future<ApiResponse> answer : answers) {
                    ApiResponse response = answer.get(20, TimeUnit.SECONDS);
                    if (response.status() == 200) won++;
                    else response.expectError(400, "already exists");
                }
                assertThat(won).isEqualTo(1);
            } finally {
                racers.shutdownNow();
            }
            // And in the database, whichever node asks: the key decides, not a read before the write.
            var again = new WebhookSubscription(
                    key.key().clientId(),
                    receiver.url(),
                    List.of(tochka.acquiring.api.WebhookType.acquiringInternetPayment),
                    java.time.Instant.now(),
                    java.time.Instant.now());
            boolean createdTwice = server.application()
                    .database()
                    .transactions()
                    .inTransaction(handle -> new WebhookStore(handle).create(again));
            assertThat(createdTwice).isFalse();
        }
    }

    @Test
    void a_server_listening_beyond_loopback_sends_nothing_into_its_network() throws Exception {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        Config onLoopback = Config.forTests(dataDir, dbUrl);
        Config exposed = onLoopback.toBuilder().host("0.0.0.0").build();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String operationId;
            try (TestServer local = TestServer.start(onLoopback)) {
                // Accepted while the server listened on loopback only.
                local.api()
                        .send("PUT", "/webhook/v1.0/" + local.info().clientId(), webhook(receiver.url()))
                        .expectStatus(200);
            }
            receiver.clear();
            try (TestServer server = TestServer.start(exposed)) {
                Keys.IssuedKey key = newKey(server, "prober");
                for (String url : List.of(
                        receiver.url(),
                        "http://localhost:" + receiver.port() + "/x",
                        "https://127.0.0.1/x",
                        "https://10.0.0.1/x",
                        "https://169.254.169.254/latest/meta-data",
                        "https://[::ffff:127.0.0.1]/x",
                        "https://[fd00::1]/x",
                        "https://100.64.0.1/x")) {
                    send(server, key, "PUT", webhook(url)).expectError(400, "webhooks go to https on port 443");
                }

                // A name resolving to a loopback or private address passes the URL check and is refused when
                // resolved for the test call, before any connection.
                String hostName = InetAddress.getLocalHost().getHostName(); // /etc/hosts: 127.0.1.1 or a private one
                boolean hostNameIsPublic = java.util.Arrays.stream(InetAddress.getAllByName(hostName))
                        .anyMatch(AddressBlock::isPublic);
                Assumptions.assumeFalse(hostNameIsPublic, "this machine's name resolves to a public address");
                send(server, key, "PUT", webhook("https://" + hostName + "/x")).expectError(400, "was not accepted");

                // The webhook saved before is checked again at delivery: refused, and the log says why.
                operationId = server.paidCardLink("3");
                JsonNode delivery = awaitAttempt(server, operationId);
                assertThat(delivery.get("lastError").asText())
                        .contains("a loopback address, where webhooks may not go");
                assertThat(receiver.count()).as("nothing reached the receiver").isZero();
            }
        }
    }

    private static JsonNode awaitAttempt(TestServer server, String operationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode delivery : server.admin()
                    .get("/admin/v1/webhooks/deliveries")
                    .expectStatus(200)
                    .data()
                    .get("Delivery")) {
                if (operationId.equals(delivery.get("operationId").asText())
                        && delivery.get("attempts").asInt() > 0) {
                    return delivery;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no attempt to deliver " + operationId);
    }

    private static Keys.IssuedKey newKey(TestServer server, String name) {
        return server.application()
                .keys()
                .issue(
                        name,
                        Set.copyOf(Permission.ACQUIRING),
                        Set.of(server.info().customerCode()),
                        null,
                        false);
    }

    private static String webhook(String url) {
        return "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + url + "\"}";
    }

    private static ApiResponse send(TestServer server, Keys.IssuedKey key, String method, String body) {
        return server.api(key.token()).send(method, "/webhook/v1.0/" + key.key().clientId(), body);
    }

    private static HttpRequest request(TestServer server, Keys.IssuedKey key, String method, String body) {
        return HttpRequest.newBuilder(URI.create(
                        server.info().apiUrl() + "/webhook/v1.0/" + key.key().clientId()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key.token())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * How many threads of this JVM (the server runs in it) are parked inside a webhook attempt: before the fix, one
     * request thread per test call, for as long as the receiver liked.
     */
    private static long threadsWaitingOnAReceiver() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getState() != Thread.State.RUNNABLE)
                .filter(thread -> java.util.Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().equals(Delivery.class.getName())))
                .count();
    }

    /** Waits (up to 10 s) until {@code count} of {@code calls} have been answered. */
    private static void awaitAnswers(List<? extends CompletableFuture<?>> calls, int count)
            throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(count);
        for (var call : calls) call.whenComplete((result, error) -> answered.countDown());
        var unused = answered.await(10, TimeUnit.SECONDS);
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        CompletableFuture<Void> done = CompletableFuture.runAsync(call);
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Duration.ofSeconds(10); // no answer: the server is down
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
