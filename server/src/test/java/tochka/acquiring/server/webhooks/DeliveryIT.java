package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.testing.TricklingReceiver;
import tochka.acquiring.testkit.WebhookReceiver;

/** Why an attempt failed reads as the merchant needs it: the reason, the host and the port. */
class DeliveryIT {

    @AfterEach
    void close() {
        delivery.close();
    }

    private final Delivery delivery = new Delivery(Duration.ofMillis(500), new WebhookTargets(true, List.of()));

    @Test
    void a_closed_port_is_a_refused_connection_with_host_and_port() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Delivery.Result result =
                delivery.post("http://127.0.0.1:" + port + "/tochka", "token").join();

        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).isEqualTo("connection refused: 127.0.0.1:" + port);
    }

    @Test
    void a_receiver_that_never_answers_is_a_timeout_with_host_and_port() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Delivery.Result result = delivery.post("http://localhost:" + silent.getLocalPort() + "/tochka", "token")
                    .join();

            assertThat(result.error()).isEqualTo("no answer within 500 ms from localhost:" + silent.getLocalPort());
        }
    }

    @Test
    void a_host_that_does_not_resolve_is_an_unknown_host_with_the_default_port() {
        Delivery.Result result =
                delivery.post("https://nosuch.invalid/tochka", "token").join();

        assertThat(result.error()).isEqualTo("unknown host nosuch.invalid:443");
    }

    @Test
    void a_receiver_that_hangs_up_is_a_closed_connection() throws IOException {
        try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Every connection: the client may try a fresh one when the first closes before the request went out.
            Thread closer = new Thread(() -> {
                while (!hangsUp.isClosed()) {
                    try (Socket socket = hangsUp.accept()) {
                        var unused = socket.getInputStream().read();
                    } catch (IOException ignored) {
                        // the test is over
                    }
                }
            });
            closer.start();

            Delivery.Result result = delivery.post("http://127.0.0.1:" + hangsUp.getLocalPort() + "/tochka", "token")
                    .join();

            assertThat(result.error())
                    .isEqualTo("connection closed by 127.0.0.1:" + hangsUp.getLocalPort() + " without an answer");
        }
    }

    @Test
    void a_receiver_that_trickles_its_answer_costs_no_more_than_the_status() throws Exception {
        try (TricklingReceiver trickler = TricklingReceiver.start()) {
            trickler.trickle(TricklingReceiver.Mode.BODY);
            long start = System.nanoTime();

            Delivery.Result result = delivery.post(trickler.url(), "token").get(5, TimeUnit.SECONDS);

            assertThat(result.statusCode()).as("the status is the answer").isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_receiver_that_trickles_its_headers_is_cut_off_at_the_timeout() throws Exception {
        try (TricklingReceiver trickler = TricklingReceiver.start()) {
            trickler.trickle(TricklingReceiver.Mode.HEADERS);

            Delivery.Result result = delivery.post(trickler.url(), "token").get(5, TimeUnit.SECONDS);

            assertThat(result.error()).isEqualTo("no answer within 500 ms from 127.0.0.1:" + trickler.port());
        }
    }

    @Test
    void a_chunked_answer_that_never_ends_is_cut_off_at_the_timeout_and_its_status_counts() throws Exception {
        try (TricklingReceiver trickler = TricklingReceiver.start()) {
            trickler.trickle(TricklingReceiver.Mode.CHUNKS);

            Delivery.Result result = delivery.post(trickler.url(), "token").get(5, TimeUnit.SECONDS);

            assertThat(result.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_name_resolving_to_a_private_address_is_never_connected_to() {
        // A public-looking name whose DNS answers with the metadata service's address, and one answering a public
        // and a private address: both are refused before any connection, whatever the order of the addresses.
        CheckedResolver.Lookup lookup = host -> switch (host) {
            case "rebind.example" -> new InetAddress[] {address("169.254.169.254")};
            case "mixed.example" -> new InetAddress[] {address("93.184.215.14"), address("10.0.0.7")};
            default -> throw new java.net.UnknownHostException(host);
        };
        try (Delivery strict = new Delivery(Duration.ofMillis(500), new WebhookTargets(false, List.of()), lookup)) {
            assertThat(strict.post("https://rebind.example/hook", "token")
                            .join()
                            .error())
                    .isEqualTo("not sent: rebind.example:443 resolves to 169.254.169.254, a private or reserved"
                            + " address, where webhooks may not go");
            assertThat(strict.post("https://mixed.example/hook", "token").join().error())
                    .contains("resolves to 10.0.0.7");
        }
    }

    @Test
    void loopback_is_refused_at_delivery_when_the_server_does_not_listen_on_loopback() throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                Delivery strict = new Delivery(Duration.ofMillis(500), new WebhookTargets(false, List.of()))) {
            String viaName = "http://localhost:" + receiver.port() + "/hook";

            assertThat(strict.post(receiver.url(), "token").join().error()).contains("a loopback address");
            assertThat(strict.post(viaName, "token").join().error()).contains("a loopback address");
            assertThat(receiver.count()).as("nothing reached the receiver").isZero();
        }
    }

    private static InetAddress address(String literal) {
        return AddressBlock.literal(literal).orElseThrow();
    }
}
