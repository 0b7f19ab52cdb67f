package tochka.acquiring.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tochka.acquiring.client.webhook.WebhookVerificationException.Reason;

/** Fetching, caching and re-fetching the key, against a key server on loopback that counts its requests. */
class WebhookKeyFetchTest {

    private static final WebhookSigner BANK = WebhookSigner.generate();
    private static final WebhookSigner ROTATED = WebhookSigner.generate();
    private static final WebhookSigner FORGER = WebhookSigner.generate();

    /** One server for the class: stopping a JDK HttpServer takes up to a second. */
    private static KeyServer keys;

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void start() {
        keys = new KeyServer();
    }

    @AfterAll
    static void stop() {
        keys.close();
    }

    @BeforeEach
    void reset() {
        keys.reset();
    }

    @AfterEach
    void release() {
        keys.release();
    }

    @Test
    void fetches_the_key_on_first_use_and_caches_it() {
        keys.serve(200, BANK.publicJwk());
        WebhookVerifier verifier = WebhookVerifier.forKeyUrl(keys.url());
        assertThat(keys.requests()).isZero();

        for (int i = 0; i < 10; i++) {
            assertThat(verifier.verify(BANK.sign(payment("op-" + i)))).isInstanceOf(PaymentEvent.class);
        }

        assertThat(keys.requests()).isOne();
    }

    @Test
    void threads_verifying_at_once_share_one_fetch() throws Exception {
        keys.serve(200, BANK.publicJwk());
        WebhookVerifier verifier = WebhookVerifier.forKeyUrl(keys.url());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WebhookEvent>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = BANK.sign(payment("op-" + i));
                results.add(threads.submit(() -> {
                    start.await();
                    return verifier.verify(body);
                }));
            }
            start.countDown();

            for (Future<WebhookEvent> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(PaymentEvent.class);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(keys.requests()).isOne();
    }

    @Test
    void the_shipped_key_verifies_the_banks_examples_without_a_fetch() {
        keys.serve(200, BANK.publicJwk());
        WebhookVerifier verifier = WebhookVerifier.builder()
                .keyUrl(keys.url())
                .initialKey(WebhookVerifier.bankKeyJwk())
                .build();

        for (String example : new String[] {
            "acquiringInternetPayment-card",
            "acquiringInternetPayment-sbp",
            "acquiringInternetPayment-dolyame",
            "incomingSbpPayment",
            "incomingPayment",
            "outgoingPayment",
            "incomingSbpB2BPayment"
        }) {
            verifier.verify(TestKeys.example(example));
        }

        assertThat(keys.requests()).isZero();
    }

    @Test
    void a_rotated_key_verifies_after_one_refetch() {
        keys.serve(200, BANK.publicJwk());
        WebhookVerifier verifier = verifierWithClock();
        verifier.verify(BANK.sign(payment("op-1")));

        keys.serve(200, ROTATED.publicJwk());
        clock.advance(Duration.ofMinutes(2));

        assertThat(verifier.verify(ROTATED.sign(payment("op-2")))).isInstanceOf(PaymentEvent.class);
        assertThat(verifier.verify(ROTATED.sign(payment("op-3")))).isInstanceOf(PaymentEvent.class);
        assertThat(keys.requests()).isEqualTo(2);
    }

    @Test
    void a_rotation_away_from_the_initial_key_needs_no_waiting() {
        keys.serve(200, ROTATED.publicJwk());
        WebhookVerifier verifier = WebhookVerifier.builder()
                .keyUrl(keys.url())
                .initialKey(BANK.publicJwk())
                .clock(clock)
                .build();
        verifier.verify(BANK.sign(payment("op-1")));
        assertThat(keys.requests()).isZero();

        assertThat(verifier.verify(ROTATED.sign(payment("op-2")))).isInstanceOf(PaymentEvent.class);
        assertThat(keys.requests()).isOne();
    }

    @Test
    void forged_tokens_fetch_the_key_at_most_once_per_refetch_interval() {
        keys.serve(200, BANK.publicJwk());
        WebhookVerifier verifier = verifierWithClock();
        verifier.verify(BANK.sign(payment("op-1")));

        for (int i = 0; i < 20; i++) {
            assertForgeryRejected(verifier);
        }
        assertThat(keys.requests()).isOne();

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 20; i++) {
            assertForgeryRejected(verifier);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(keys.requests()).isEqualTo(2);
    }

    @Test
    void the_key_is_fetched_again_after_the_cache_period_and_kept_when_that_fails() {
        keys.serve(200, BANK.publicJwk());
        WebhookVerifier verifier = verifierWithClock();
        verifier.verify(BANK.sign(payment("op-1")));

        clock.advance(Duration.ofHours(6));
        verifier.verify(BANK.sign(payment("op-2")));
        assertThat(keys.requests()).isEqualTo(2);

        keys.serve(503, "down");
        clock.advance(Duration.ofHours(7));
        assertThat(verifier.verify(BANK.sign(payment("op-3")))).isInstanceOf(PaymentEvent.class);
        assertThat(verifier.verify(BANK.sign(payment("op-4")))).isInstanceOf(PaymentEvent.class);
        assertThat(keys.requests()).isEqualTo(3);
    }

    @Test
    void takes_the_rsa_signing_keys_of_a_jwks() {
        String bank = BANK.publicJwk();
        String rotated = ROTATED.publicJwk();
        keys.serve(
                200,
                "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"AA\", \"y\": \"AA\"}, "
                        + rotated.replace("{", "{\"use\": \"enc\", ")
                        + ", "
                        + bank.replace("{", "{\"kid\": \"k1\", \"use\": \"sig\", \"alg\": \"RS256\", ")
                        + "]}");
        WebhookVerifier verifier = WebhookVerifier.forKeyUrl(keys.url());

        assertThat(verifier.verify(BANK.sign(payment("op-1")))).isInstanceOf(PaymentEvent.class);
        assertThatThrownBy(() -> verifier.verify(ROTATED.sign(payment("op-2"))))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 500})
    void an_error_status_is_a_clear_key_unavailable_error_and_is_not_retried_at_once(int status) {
        keys.serve(status, "{\"message\": \"secret internals\"}");
        WebhookVerifier verifier = verifierWithClock();

        assertKeyUnavailable(verifier)
                .hasMessageContaining("cannot fetch the webhook key from " + keys.url())
                .hasMessageContaining("HTTP " + status + " instead of 200")
                .hasMessageNotContaining("secret internals");
        assertKeyUnavailable(verifier).hasMessageContaining("HTTP " + status);
        assertThat(keys.requests()).isOne();

        keys.serve(200, BANK.publicJwk());
        clock.advance(Duration.ofMinutes(1));
        assertThat(verifier.verify(BANK.sign(payment("op-1")))).isInstanceOf(PaymentEvent.class);
    }

    @Test
    void a_key_server_that_sends_no_answer_fails_at_the_deadline() {
        keys.holdHeaders();
        WebhookVerifier verifier = WebhookVerifier.builder()
                .keyUrl(keys.url())
                .timeout(Duration.ofMillis(300))
                .build();

        assertKeyUnavailable(verifier).hasMessageContaining("cannot fetch the webhook key from " + keys.url());
        assertThat(keys.requests()).isOne();
    }

    @Test
    void a_key_server_that_stalls_in_the_body_fails_at_the_deadline() {
        keys.holdBody();
        WebhookVerifier verifier = WebhookVerifier.builder()
                .keyUrl(keys.url())
                .timeout(Duration.ofMillis(300))
                .build();

        assertKeyUnavailable(verifier).hasMessageContaining("no answer within PT0.3S");
    }

    @Test
    void refuses_a_key_answer_over_64_kilobytes() {
        keys.serve(200, "{\"pad\": \"" + "x".repeat(70 * 1024) + "\"}");

        assertKeyUnavailable(WebhookVerifier.forKeyUrl(keys.url())).hasMessageContaining("larger than 65536 bytes");
    }

    @Test
    void refuses_a_fetched_key_under_2048_bits_or_not_a_key() {
        keys.serve(200, TestKeys.jwk(TestKeys.RSA_1024));
        assertKeyUnavailable(WebhookVerifier.forKeyUrl(keys.url())).hasMessageContaining("1024 bits");

        keys.serve(200, "<html>not a key</html>");
        assertKeyUnavailable(WebhookVerifier.forKeyUrl(keys.url())).hasMessageContaining("not a JSON object");
    }

    @Test
    void a_bad_signature_stays_a_bad_signature_when_the_refetch_fails() {
        keys.serve(500, "");
        WebhookVerifier verifier = WebhookVerifier.builder()
                .keyUrl(keys.url())
                .initialKey(BANK.publicJwk())
                .build();

        assertThatThrownBy(() -> verifier.verify(FORGER.sign(payment("op-1"))))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                .hasMessageContaining("fetching the key again failed")
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void the_builder_refuses_settings_that_cannot_work() {
        WebhookVerifier.Builder builder = WebhookVerifier.builder();

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.cacheFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.refetchInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.keyUrl(URI.create("file:///etc/key.json")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private WebhookVerifier verifierWithClock() {
        return WebhookVerifier.builder().keyUrl(keys.url()).clock(clock).build();
    }

    private static PaymentEvent payment(String operationId) {
        return PaymentEvent.approved(operationId, new BigDecimal("990.00"));
    }

    private static void assertForgeryRejected(WebhookVerifier verifier) {
        assertThatThrownBy(() -> verifier.verify(FORGER.sign(payment("forged"))))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertKeyUnavailable(WebhookVerifier verifier) {
        return assertThatThrownBy(() -> verifier.verify(BANK.sign(payment("op-1"))))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE));
    }

    /** A key server on loopback: answers what it is told to, or holds the answer until closed. */
    private static final class KeyServer implements AutoCloseable {

        private enum Hold {
            NONE,
            HEADERS,
            BODY
        }

        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final AtomicInteger requests = new AtomicInteger();
        private volatile CountDownLatch released = new CountDownLatch(1);
        private volatile int status = 500;
        private volatile String body = "";
        private volatile Hold hold = Hold.NONE;

        KeyServer() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(executor);
            server.createContext("/doc/openapi/static/keys/public", this::answer);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/doc/openapi/static/keys/public");
        }

        void serve(int status, String body) {
            this.status = status;
            this.body = body;
            this.hold = Hold.NONE;
        }

        /** Forgets the last test's answers and requests. */
        void reset() {
            released = new CountDownLatch(1);
            requests.set(0);
            serve(500, "");
        }

        /** Lets held answers go. */
        void release() {
            released.countDown();
        }

        void holdHeaders() {
            hold = Hold.HEADERS;
        }

        void holdBody() {
            hold = Hold.BODY;
        }

        int requests() {
            return requests.get();
        }

        private void answer(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (hold == Hold.HEADERS) awaitRelease();
                if (hold == Hold.BODY) {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write("{\"kty\": ".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    awaitRelease();
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }

        private void awaitRelease() {
            try {
                // Bounded, so that a verifier that failed to give up cannot hang the build.
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            release();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
