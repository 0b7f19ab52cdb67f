package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tochka.acquiring.client.Bank.answer;
import static tochka.acquiring.client.Bank.dropped;
import static tochka.acquiring.client.Bank.error;
import static tochka.acquiring.client.Bank.ok;
import static tochka.acquiring.client.Bank.operations;
import static tochka.acquiring.client.Bank.payment;
import static tochka.acquiring.client.Bank.stalled;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentMode;

/** Which failures a call is tried again after, how often, how long it waits, and what it throws in the end. */
class TransportRetryTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Bank.Events events = new Bank.Events();

    private static final String PAID = operations(1, payment("op-1", "link-1", "APPROVED", ""));

    @Test
    void a_read_is_retried_after_500_503_429_and_a_dropped_connection_then_succeeds() {
        server.enqueue(answer(500, error(500, "Internal Error", "Internal", "try later")));
        server.enqueue(answer(503, "{}"));
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(Bank.cutOff());
        server.enqueue(ok(PAID));
        TochkaClient client = Bank.client(server)
                .retryPolicy(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)))
                .listener(events)
                .build();

        var payment = client.payments().get("op-1");

        assertThat(payment.operationId()).isEqualTo("op-1");
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(events.all).singleElement().satisfies(event -> {
            assertThat(event.attempts()).isEqualTo(5);
            assertThat(event.httpStatus()).isEqualTo(200);
            assertThat(event.route()).isEqualTo("/acquiring/v1.0/payments/{operationId}");
            assertThat(event.succeeded()).isTrue();
        });
    }

    @Test
    void a_read_gives_up_after_max_attempts_with_the_bank_s_5xx_error() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(answer(500, error(500, "Internal Error", "Internal", "the bank is down")));
        }
        TochkaClient client = Bank.client(server).listener(events).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.errorId()).isEqualTo("err-500");
            assertThat(e.errorCode()).isEqualTo("500");
            assertThat(e.bankMessage()).isEqualTo("Internal Error");
            assertThat(e.errors()).singleElement().satisfies(d -> {
                assertThat(d.errorCode()).isEqualTo("Internal");
                assertThat(d.message()).isEqualTo("the bank is down");
            });
            assertThat(e.getMessage())
                    .contains("GET /acquiring/v1.0/payments/{operationId}", "Internal Error", "err-500");
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(events.last().attempts()).isEqualTo(3);
        assertThat(events.last().error()).isInstanceOf(ServerException.class);
    }

    @Test
    void a_read_gives_up_after_max_attempts_of_429_with_the_bank_s_retry_after() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(429)
                    .setHeader("Retry-After", "0")
                    .setHeader("Content-Type", "application/json")
                    .body(error(429, "Too Many Requests", "RateLimit", "slow down"))
                    .build());
        }
        TochkaClient client = Bank.client(server).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
            assertThat(e.errorId()).isEqualTo("err-429");
            assertThat(e.errors())
                    .singleElement()
                    .satisfies(d -> assertThat(d.errorCode()).isEqualTo("RateLimit"));
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_read_gives_up_after_max_attempts_of_broken_connections_with_a_network_exception() {
        for (int i = 0; i < 3; i++) server.enqueue(Bank.cutOff());
        TochkaClient client = Bank.client(server).listener(events).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(NetworkException.class, e -> {
            assertThat(e.httpStatus()).isZero();
            assertThat(e.mayHaveArrived()).isTrue();
            assertThat(e.getMessage()).doesNotContain("no answer within");
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(events.last().attempts()).isEqualTo(3);
        assertThat(events.last().httpStatus()).isZero();
    }

    @Test
    void a_read_whose_connection_drops_before_any_answer_is_tried_again() {
        server.enqueue(dropped());
        server.enqueue(dropped());
        server.enqueue(ok(PAID));
        TochkaClient client = Bank.client(server).listener(events).build();

        assertThat(client.payments().get("op-1").operationId()).isEqualTo("op-1");
        // The JDK's client itself sends a GET once more when its connection closed before a byte came: one of the
        // two drops may be repaired there, the other by a retry of the SDK.
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(events.last().attempts()).isBetween(2, 3);
    }

    @Test
    void a_retry_after_longer_than_the_longest_backoff_is_cut_to_it() {
        // An hour asked for, five milliseconds waited: the policy's maxBackoff caps what the bank may ask.
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3600")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT")
                .build());
        server.enqueue(ok(PAID));
        TochkaClient client = Bank.client(server).build();

        assertThat(client.payments().get("op-1").operationId()).isEqualTo("op-1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_retry_after_longer_than_the_call_timeout_ends_the_call_at_once() {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "30")
                .build());
        TochkaClient client = Bank.client(server)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMinutes(1)))
                .requestTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(2))
                .build();

        assertThatThrownBy(() -> client.payments().get("op-1"))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void the_call_timeout_ends_a_call_the_server_never_answers() {
        for (int i = 0; i < 3; i++) server.enqueue(stalled());
        TochkaClient client = Bank.client(server)
                .requestTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(500))
                .build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOf(NetworkException.class);
    }

    @Test
    void the_call_timeout_ends_a_call_whose_answer_stalls_after_its_headers() {
        // The JDK's request timeout ends at the headers; the client's own watch covers the body.
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .setHeader("Content-Type", "application/json")
                    .body(PAID)
                    .onResponseBody(mockwebserver3.SocketEffect.Stall.INSTANCE)
                    .build());
        }
        TochkaClient client = Bank.client(server)
                .requestTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(500))
                .build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOf(NetworkException.class);
    }

    @Test
    void a_create_is_sent_once_after_a_500_and_then_looked_up_not_resent() throws Exception {
        server.enqueue(answer(500, error(500, "Internal Error", "Internal", "oops")));
        server.enqueue(ok(operations(1))); // the lookup: no such link
        server.enqueue(ok(Bank.created("op-1", "x"))); // the one resend
        TochkaClient client = Bank.client(server).build();

        client.payments().create(request());

        assertThat(Bank.lines(Bank.taken(server)))
                .containsExactly(
                        "POST /uapi/acquiring/v1.0/payments",
                        "GET /uapi/acquiring/v1.0/payments",
                        "POST /uapi/acquiring/v1.0/payments");
    }

    @Test
    void a_create_is_retried_after_429() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "0")
                .build());
        server.enqueue(ok(Bank.created("op-1", "x")));
        TochkaClient client = Bank.client(server).listener(events).build();

        assertThat(client.payments().create(request()).operationId()).isEqualTo("op-1");
        assertThat(Bank.lines(Bank.taken(server)))
                .containsExactly("POST /uapi/acquiring/v1.0/payments", "POST /uapi/acquiring/v1.0/payments");
        assertThat(events.last().attempts()).isEqualTo(2);
    }

    @Test
    void a_create_is_retried_when_the_connection_is_refused_and_nothing_was_sent() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TochkaClient client = TochkaClient.builder()
                .baseUrl("http://127.0.0.1:" + closed + "/uapi")
                .token(Bank.TOKEN)
                .customerCode(Bank.CUSTOMER)
                .retryPolicy(Bank.FAST)
                .listener(events)
                .build();

        assertThatThrownBy(() -> client.payments().create(request()))
                .isInstanceOfSatisfying(NetworkException.class, e -> {
                    assertThat(e.mayHaveArrived()).isFalse();
                    assertThat(e.getMessage()).contains("could not connect");
                });
        // No lookup follows: a refused connection is no doubt.
        assertThat(events.all).singleElement().satisfies(event -> {
            assertThat(event.method()).isEqualTo("POST");
            assertThat(event.attempts()).isEqualTo(3);
        });
    }

    @Test
    void a_create_whose_first_connection_is_refused_goes_through_on_a_later_try() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        // The first few connections go through a proxy that isn't there; then the way is direct.
        AtomicInteger selected = new AtomicInteger();
        ProxySelector flaky = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                if (selected.incrementAndGet() <= 3) {
                    return List.of(new Proxy(
                            Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), closed)));
                }
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
        };
        server.enqueue(ok(Bank.created("op-1", "x")));
        TochkaClient client = Bank.client(server)
                .retryPolicy(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)))
                .proxy(flaky)
                .listener(events)
                .build();

        assertThat(client.payments().create(request()).operationId()).isEqualTo("op-1");
        assertThat(Bank.lines(Bank.taken(server))).containsExactly("POST /uapi/acquiring/v1.0/payments");
        assertThat(events.last().attempts()).isGreaterThan(1);
    }

    static PaymentLinkRequest request() {
        return PaymentLinkRequest.builder()
                .amount("1500.10")
                .purpose("Order 42")
                .paymentModes(AcquiringPaymentMode.CARD)
                .build();
    }
}
