package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookEvent;
import tochka.acquiring.client.webhook.WebhookSigner;
import tochka.acquiring.client.webhook.WebhookVerifier;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * {@code tochka listen} end to end against the real server: it registers itself as the demo key's webhook, gets the
 * event of a payment, verifies and prints it, forwards the original request to the shop's endpoint, answers with
 * the shop's status, and puts the previous webhook back.
 */
class ListenCommandIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static Cli cli;
    private static ExecutorService background;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = Cli.against(server);
        background = Executors.newCachedThreadPool();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        background.shutdownNow();
        server.close();
    }

    @BeforeEach
    void no_webhook() {
        server.api().send("DELETE", webhookPath(), null);
    }

    @Test
    void forwards_a_paid_links_event_as_it_came_prints_it_and_puts_the_old_webhook_back() throws Exception {
        try (WebhookReceiver previous = WebhookReceiver.start();
                ForwardTarget shop = ForwardTarget.answering(200)) {
            cli.run("webhooks", "set", previous.url(), "--events", "acquiringInternetPayment")
                    .ok();
            previous.clear();

            Future<Cli.Run> listen =
                    background.submit(() -> cli.run("listen", "--count", "1", "--forward-to", shop.url()));
            String listening = registered(listen, previous.url());
            assertThat(listening).startsWith("http://127.0.0.1:");

            // Not signed by the server: refused, and never passed on.
            String forged = WebhookSigner.generate().sign(PaymentEvent.approved("forged-op", new BigDecimal("1.00")));
            HttpResponse<String> refused = post(listening, forged);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("not forwarded");

            String operationId = server.paidCardLink("10.50");

            Cli.Run run = listen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).ok();
            ForwardTarget.Request forwarded = shop.next(DEADLINE);
            assertThat(shop.count())
                    .as("only the payment's event, not the forged one nor the registration's test")
                    .isZero();
            assertThat(forwarded.method()).isEqualTo("POST");
            assertThat(forwarded.headers().getFirst("Content-Type")).isEqualTo("text/plain");
            // The body is the server's JWT byte for byte: it still verifies with the server's key.
            assertThat(forwarded.body()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
            WebhookEvent event = WebhookVerifier.forKeyUrl(URI.create(server.url() + "/doc/openapi/static/keys/public"))
                    .verify(forwarded.body());
            assertThat(((PaymentEvent) event).operationId()).isEqualTo(operationId);

            assertThat(run.out())
                    .contains("acquiringInternetPayment  APPROVED  verified")
                    .contains("operationId")
                    .contains(operationId)
                    .contains("10.5")
                    .contains("-> " + shop.url() + "  200")
                    .contains("answered 200 by the shop")
                    .doesNotContain("second line");
            assertThat(run.err())
                    .contains("Listening on http://127.0.0.1:")
                    .contains("Registered " + listening)
                    .contains("test acquiringInternetPayment webhook of the registration")
                    .contains("NOT a webhook of this server (BAD_SIGNATURE)")
                    .contains("Put the webhook back: " + previous.url());

            JsonNode restored = cli.run("webhooks", "get", "--json").ok().json();
            assertThat(restored.get("url").asText()).isEqualTo(previous.url());
            assertThat(restored.get("webhooksList").toString()).isEqualTo("[\"acquiringInternetPayment\"]");
        }
    }

    @Test
    void a_failing_receivers_status_is_listens_answer_so_the_server_sends_again() throws Exception {
        try (ForwardTarget failing = ForwardTarget.answering(500)) {
            Future<Cli.Run> listen =
                    background.submit(() -> cli.run("listen", "--json", "--count", "2", "--forward-to", failing.url()));
            registered(listen, null);

            cli.run("webhooks", "test").ok();

            // The second event is the server's retry of the first: listen answered it 500.
            Cli.Run run = listen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).ok();
            String[] lines = run.out().strip().split("\n");
            assertThat(lines).hasSize(2);
            JsonNode line = JSON.readTree(lines[0]);
            assertThat(line.get("verified").asBoolean()).isTrue();
            assertThat(line.get("event").get("webhookType").asText()).isEqualTo("acquiringInternetPayment");
            assertThat(line.get("event").has("operationId")).isTrue();
            assertThat(line.get("forwardedTo").asText()).isEqualTo(failing.url());
            assertThat(line.get("status").asInt()).isEqualTo(500);
            assertThat(line.get("answered").asInt()).isEqualTo(500);
            assertThat(line.get("answer").asText()).isEqualTo("answered 500 by the shop");
            assertThat(line.get("millis").isIntegralNumber()).isTrue();
            assertThat(JSON.readTree(lines[1]).get("event")).isEqualTo(line.get("event"));
            assertThat(failing.next(DEADLINE).body())
                    .isEqualTo(failing.next(DEADLINE).body());

            // There was no webhook before: the one listen registered is gone.
            cli.run("webhooks", "get").failed(ExitCodes.NOT_FOUND);
        }
    }

    @Test
    void an_unreachable_receiver_is_answered_502_and_said() throws Exception {
        int closedPort = freePort();
        Future<Cli.Run> listen = background.submit(() -> cli.run(
                "listen", "--json", "--count", "1", "--forward-to", "http://127.0.0.1:" + closedPort + "/hook"));
        registered(listen, null);
        cli.run("webhooks", "test").ok();

        JsonNode line = JSON.readTree(
                listen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).ok().out().strip());
        assertThat(line.get("answered").asInt()).isEqualTo(502);
        assertThat(line.get("status").isNull()).isTrue();
        assertThat(line.get("forwardError").asText()).contains("cannot connect");
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_answered_504() throws Exception {
        // Connections are accepted by the system and never answered.
        try (ServerSocket silent = new ServerSocket(0)) {
            Future<Cli.Run> listen = background.submit(() -> cli.run(
                    "listen",
                    "--json",
                    "--count",
                    "1",
                    "--forward-timeout",
                    "300ms",
                    "--forward-to",
                    "http://127.0.0.1:" + silent.getLocalPort() + "/hook"));
            registered(listen, null);
            cli.run("webhooks", "test").ok();

            JsonNode line = JSON.readTree(listen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)
                    .ok()
                    .out()
                    .strip());
            assertThat(line.get("answered").asInt()).isEqualTo(504);
            assertThat(line.get("forwardError").asText()).contains("no answer within 300 ms");
        }
    }

    @Test
    void with_no_register_it_only_listens_and_prints() throws Exception {
        int port = freePort();
        Future<Cli.Run> listen = background.submit(
                () -> cli.run("listen", "--no-register", "--port", String.valueOf(port), "--count", "1"));
        // The webhook is registered by hand; the server's test webhook is the event listen receives.
        String url = "http://127.0.0.1:" + port + "/";
        Cli.Run set = null;
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (set == null || set.exitCode() != 0) {
            assertThat(System.nanoTime()).as("listen never answered on %s", url).isLessThan(until);
            set = cli.run("webhooks", "set", url, "--events", "acquiringInternetPayment");
        }
        Cli.Run run = listen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).ok();
        assertThat(run.out()).contains("acquiringInternetPayment").contains("not forwarded (no --forward-to)");
        assertThat(run.err()).contains("Not registering (--no-register)");
        // listen left the webhook alone.
        assertThat(cli.run("webhooks", "get", "--json").ok().json().get("url").asText())
                .isEqualTo(url);
    }

    @Test
    void a_body_larger_than_64_kb_is_refused_with_413() throws Exception {
        try (ForwardTarget shop = ForwardTarget.answering(200)) {
            Future<Cli.Run> listen =
                    background.submit(() -> cli.run("listen", "--count", "1", "--forward-to", shop.url()));
            String listening = registered(listen, null);

            HttpResponse<String> tooLarge = post(listening, "a".repeat(ListenReceiver.MAX_BODY + 1));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            HttpResponse<String> garbage = post(listening, "not a jwt");
            assertThat(garbage.statusCode()).isEqualTo(400);

            cli.run("webhooks", "test").ok();
            Cli.Run run = listen.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).ok();
            assertThat(run.err()).contains("TOO_LARGE").contains("MALFORMED_TOKEN");
            shop.next(DEADLINE);
            assertThat(shop.count()).isZero();
        }
    }

    @Test
    void on_the_bank_without_a_public_url_it_explains_the_tunnel() {
        Cli.Run run = cli.with("TOCHKA_BASE_URL", "production").run("listen").failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("--public-url").contains("tunnel").contains("--no-register");
    }

    @Test
    void bad_options_are_refused_naming_them() {
        assertThat(cli.run("listen", "--forward-to", "ftp://shop")
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("--forward-to");
        assertThat(cli.run("listen", "--count", "0").failed(ExitCodes.REJECTED).err())
                .contains("--count");
        assertThat(cli.run("listen", "--forward-timeout", "5m")
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("--forward-timeout");
        assertThat(cli.run("listen", "--no-register", "--public-url", "https://x.example/")
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("--no-register");
        cli.run("webhooks", "get").failed(ExitCodes.NOT_FOUND);
    }

    @Test
    void a_wrong_token_is_an_auth_failure_and_registers_nothing() {
        cli.with("TOCHKA_TOKEN", "not.a.jwt").run("listen", "--count", "1").failed(ExitCodes.AUTH);
    }

    /**
     * Waits until listen has registered itself (the webhook's URL is no longer {@code before}) and returns the URL;
     * fails at once when listen ends first.
     */
    private static String registered(Future<Cli.Run> listen, @Nullable String before) throws Exception {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < until) {
            ApiResponse webhook = server.api().get(webhookPath());
            if (webhook.status() == 200) {
                String url = webhook.data().get("url").asText();
                if (!url.equals(before)) return url;
            }
            try {
                Cli.Run ended = listen.get(50, TimeUnit.MILLISECONDS);
                throw new AssertionError("listen ended before registering: " + ended);
            } catch (TimeoutException stillRunning) {
                // poll again
            }
        }
        throw new AssertionError("listen did not register within " + DEADLINE);
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(DEADLINE)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String webhookPath() {
        return "/webhook/v1.0/" + server.clientId();
    }
}
