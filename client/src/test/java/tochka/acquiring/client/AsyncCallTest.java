package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static tochka.acquiring.client.Bank.answer;
import static tochka.acquiring.client.Bank.error;
import static tochka.acquiring.client.Bank.ok;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.PaymentOperation;

/** The {@code ...Async} forms: the same results and exceptions, in a future; a cancel stops the tries. */
class AsyncCallTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final BlockingQueue<CallEvent> ended = new LinkedBlockingQueue<>();

    @Test
    void create_async_completes_with_the_link() {
        server.enqueue(ok(Bank.created("op-1", "l-1")));
        TochkaClient client = Bank.client(server).build();

        CompletableFuture<CreatedPayment> future = client.payments().createAsync(TransportRetryTest.request());

        assertThat(future)
                .succeedsWithin(WAIT)
                .satisfies(created -> assertThat(created.operationId()).isEqualTo("op-1"));
    }

    @Test
    void get_async_fails_with_the_same_exception_as_the_blocking_call() {
        server.enqueue(answer(404, error(404, "Not Found", "Not Found", "no such payment")));
        TochkaClient client = Bank.client(server).build();

        CompletableFuture<PaymentOperation> future = client.payments().getAsync("op-404");

        assertThat(future)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.errorId()).isEqualTo("err-404"));
    }

    @Test
    void an_interrupted_blocking_call_ends_at_once_and_keeps_the_interrupt() throws Exception {
        // A blocking call's first try runs on the caller's thread: an interrupt there must end it like a cancel.
        server.enqueue(Bank.stalled());
        TochkaClient client = Bank.client(server)
                .requestTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build();
        BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.add(client.payments().get("op-1"));
            } catch (TochkaException e) {
                outcome.add(e);
                outcome.add(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        server.takeRequest();

        caller.interrupt();

        assertThat(outcome.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOfSatisfying(
                        NetworkException.class, e -> assertThat(e).hasMessageContaining("interrupted"));
        assertThat(outcome.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(true);
    }

    @Test
    void cancelling_the_future_stops_further_retries() throws Exception {
        // The first try fails with a 503 that asks for a wait of two seconds; the cancel comes during the wait.
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "2")
                .build());
        server.enqueue(ok(Bank.operations(1, Bank.payment("op-1", "l", "CREATED", ""))));
        TochkaClient client = Bank.client(server)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(5)))
                .listener(ended::add)
                .build();

        CompletableFuture<PaymentOperation> future = client.payments().getAsync("op-1");
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(future.cancel(true)).isTrue();

        CallEvent event = ended.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.error()).isInstanceOf(NetworkException.class).hasMessageContaining("cancelled");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancelling_a_create_stops_its_lookup() throws Exception {
        Bank.Script script = new Bank.Script()
                .then(Bank.dropped())
                .then(new MockResponse.Builder()
                        .code(503)
                        .setHeader("Retry-After", "2")
                        .build());
        server.setDispatcher(script);
        TochkaClient client = Bank.client(server)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(5)))
                .listener(ended::add)
                .build();

        CompletableFuture<CreatedPayment> future = client.payments().createAsync(TransportRetryTest.request());
        CallEvent post = ended.poll(10, TimeUnit.SECONDS);
        assertThat(post).isNotNull();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull(); // the POST
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull(); // the lookup's first try
        future.cancel(true);

        CallEvent lookup = ended.poll(10, TimeUnit.SECONDS);
        assertThat(lookup).isNotNull();
        assertThat(lookup.method()).isEqualTo("GET");
        assertThat(lookup.error()).isInstanceOf(NetworkException.class);
        // The two requests taken above, and no third: the script's own record of the second may come later than
        // the cancel's event, so it is not the count to read.
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a_listener_that_throws_does_not_break_the_call() {
        server.enqueue(ok(Bank.created("op-1", "l-1")));
        server.enqueue(ok(Bank.created("op-2", "l-2")));
        TochkaClient throwing = Bank.client(server)
                .listener(event -> {
                    throw new IllegalStateException("metrics are down");
                })
                .build();
        TochkaClient asserting = Bank.client(server)
                .listener(event -> {
                    throw new AssertionError("an Error, even");
                })
                .build();

        assertThat(throwing.payments().create(TransportRetryTest.request()).operationId())
                .isEqualTo("op-1");
        assertThat(asserting.payments().createAsync(TransportRetryTest.request()))
                .succeedsWithin(WAIT)
                .satisfies(created -> assertThat(created.operationId()).isEqualTo("op-2"));
    }
}
