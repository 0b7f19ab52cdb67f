package tochka.acquiring.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * The embeddable lifecycle: a built server has touched nothing, start serves, stop stops serving but keeps the data
 * (a second start serves it again), close releases the database and the directory's lock, and may be repeated.
 */
class ApplicationIT {

    private final Path dataDir = TestServer.tempDir().resolve("data");
    private final Config config = Config.forTests(dataDir, TestDatabases.freshUrl());

    @Test
    void a_built_server_has_opened_nothing_until_it_starts() {
        Application application = Application.builder().config(config).build();

        assertThat(application.isRunning()).isFalse();
        assertThat(Files.exists(dataDir)).isFalse();
        assertThatThrownBy(application::info).isInstanceOf(IllegalStateException.class);
        application.close();
    }

    @Test
    void a_stopped_server_serves_its_data_again_when_started() throws IOException {
        try (Application application = Application.builder().config(config).build()) {
            Running first = new Running(application.start());
            String operationId = first.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 3, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(first.customerCode()))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();

            application.stop();
            application.stop();

            assertThat(application.isRunning()).isFalse();
            assertThat(listens(first.port())).isFalse();
            Running second = new Running(application.start());
            assertThat(application.start()).isSameAs(application);
            second.api().get("/acquiring/v1.0/payments/" + operationId).expectStatus(200);
        }
    }

    @Test
    void close_releases_the_data_directory_and_may_be_repeated() {
        assumeFalse(TestDatabases.postgres(), "the lock is SQLite's");
        Application first = Application.builder().config(config).build().start();

        first.close();
        first.close();

        assertThat(first.isRunning()).isFalse();
        assertThatThrownBy(first::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        try (Application second = Application.builder().config(config).build().start()) {
            assertThat(second.isRunning()).isTrue();
        }
    }

    private static boolean listens(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    /** What a test needs of a started application's info. */
    private record Running(int port, String customerCode, ApiClient api) {
        Running(Application application) {
            this(
                    application.port(),
                    application.info().customerCode(),
                    ApiClient.bearer(
                            application.info().apiUrl(), application.info().demoToken()));
        }
    }
}
