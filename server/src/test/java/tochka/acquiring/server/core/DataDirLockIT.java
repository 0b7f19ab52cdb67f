package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.ServerProcess;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * One server per SQLite data directory: a second one is refused with a message naming the directory, whether it
 * starts in the same process or in another; PostgreSQL nodes share their database and are not held back.
 */
class DataDirLockIT {

    private final Path dataDir = TestServer.tempDir();

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_and_the_first_keeps_serving() {
        assumeFalse(TestDatabases.postgres(), "SQLite only; the PostgreSQL pass checks that nodes share");
        try (TestServer first = TestServer.start(dataDir, null)) {

            assertThatThrownBy(() -> Application.builder()
                            .config(Config.forTests(dataDir, null))
                            .clock(Clock.systemUTC())
                            .build()
                            .start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another tochka server")
                    .hasMessageContaining("is running on the data directory " + dataDir.toAbsolutePath());

            first.api().get("/open-banking/v1.0/customers").expectStatus(200);
            first.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 3, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(first.info().customerCode()))
                    .expectStatus(200);
        }
    }

    @Test
    void once_the_first_server_is_closed_a_new_one_starts_on_the_directory() {
        assumeFalse(TestDatabases.postgres(), "SQLite only");
        TestServer.start(dataDir, null).close();

        try (TestServer again = TestServer.start(dataDir, null)) {
            again.api().get("/open-banking/v1.0/customers").expectStatus(200);
        }
    }

    @Test
    void a_server_in_another_process_holds_the_directory_until_that_process_dies() throws Exception {
        assumeFalse(TestDatabases.postgres(), "SQLite only");
        try (ServerProcess other = ServerProcess.start(dataDir, null)) {
            assertThatThrownBy(() -> TestServer.start(dataDir, null))
                    .hasMessageContaining("another tochka server (pid " + other.pid() + ")")
                    .hasMessageContaining(dataDir.toAbsolutePath().toString());
        }

        try (TestServer after = TestServer.start(dataDir, null)) {
            after.api().get("/open-banking/v1.0/customers").expectStatus(200);
        }
    }

    @Test
    void postgres_nodes_share_their_database_and_their_data_directory() {
        assumeTrue(TestDatabases.postgres(), "PostgreSQL only");
        String dbUrl = TestDatabases.freshUrl();

        try (TestServer one = TestServer.start(dataDir, dbUrl);
                TestServer two = TestServer.start(dataDir, dbUrl)) {
            assertThat(two.info().demoToken()).isEqualTo(one.info().demoToken());
            two.api().get("/open-banking/v1.0/customers").expectStatus(200);
            one.api().get("/open-banking/v1.0/customers").expectStatus(200);
        }
    }
}
