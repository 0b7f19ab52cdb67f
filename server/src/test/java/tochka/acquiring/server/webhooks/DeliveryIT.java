package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Why an attempt failed reads as the merchant needs it: the reason, the host and the port. */
class DeliveryIT {

    private final Delivery delivery = new Delivery(Duration.ofMillis(500));

    @Test
    void a_closed_port_is_a_refused_connection_with_host_and_port() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Delivery.Result result = delivery.post("http://127.0.0.1:" + port + "/tochka", "token");

        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).isEqualTo("connection refused: 127.0.0.1:" + port);
    }

    @Test
    void a_receiver_that_never_answers_is_a_timeout_with_host_and_port() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Delivery.Result result = delivery.post("http://localhost:" + silent.getLocalPort() + "/tochka", "token");

            assertThat(result.error()).isEqualTo("no answer within 500 ms from localhost:" + silent.getLocalPort());
        }
    }

    @Test
    void a_host_that_does_not_resolve_is_an_unknown_host_with_the_default_port() {
        Delivery.Result result = delivery.post("https://nosuch.invalid/tochka", "token");

        assertThat(result.error()).isEqualTo("unknown host nosuch.invalid:443");
    }

    @Test
    void a_receiver_that_hangs_up_is_a_closed_connection() throws IOException {
        try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                try (Socket socket = hangsUp.accept()) {
                    var unused = socket.getInputStream().read();
                } catch (IOException ignored) {
                    // the test is over
                }
            });
            closer.start();

            Delivery.Result result = delivery.post("http://127.0.0.1:" + hangsUp.getLocalPort() + "/tochka", "token");

            assertThat(result.error())
                    .isEqualTo("connection closed by 127.0.0.1:" + hangsUp.getLocalPort() + " without an answer");
        }
    }
}
