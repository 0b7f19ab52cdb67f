package tochka.acquiring.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * The test-control clock is one clock for the whole store: its offset is kept in the database, so an advance on one
 * PostgreSQL node moves every node at once, and a restart does not move time back.
 */
class SharedClockIT {

    private static String createLink(TestServer server, int ttlMinutes) {
        return server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "clock", "paymentMode": ["card"], "ttl": %d}}
                """.formatted(server.info().customerCode(), ttlMinutes))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private static JsonNode operation(TestServer server, String operationId) {
        return server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);
    }

    @Test
    void a_clock_advanced_on_one_node_is_advanced_on_the_others_at_their_next_request() {
        assumeTrue(TestDatabases.postgres(), "several nodes share one PostgreSQL; SQLite has one server per store");
        String dbUrl = TestDatabases.freshUrl();
        try (TestServer a = TestServer.start(TestServer.tempDir(), dbUrl);
                TestServer b = TestServer.start(TestServer.tempDir(), dbUrl)) {
            String operationId = createLink(b, 5);
            assertThat(operation(b, operationId).get("status").asText()).isEqualTo("CREATED");

            a.advanceClock(6);

            JsonNode onB = operation(b, operationId);
            assertThat(onB.get("status").asText())
                    .as("read on node B right after node A advanced past the ttl")
                    .isEqualTo("EXPIRED");
            b.simulate(operationId, "card", "approve").expectError(400, "EXPIRED");

            // Both nodes now stamp new links with the advanced time.
            OffsetDateTime createdOnB = OffsetDateTime.parse(
                    operation(b, createLink(b, 60)).get("createdAt").asText());
            assertThat(createdOnB).isAfter(OffsetDateTime.now().plusMinutes(5));
        }
    }

    @Test
    void advances_from_two_nodes_add_up() {
        assumeTrue(TestDatabases.postgres(), "several nodes share one PostgreSQL; SQLite has one server per store");
        String dbUrl = TestDatabases.freshUrl();
        try (TestServer a = TestServer.start(TestServer.tempDir(), dbUrl);
                TestServer b = TestServer.start(TestServer.tempDir(), dbUrl)) {
            a.advanceClock(60);
            OffsetDateTime now = OffsetDateTime.parse(b.admin()
                    .post("/control/v1/clock/advance", "{\"minutes\": 60}")
                    .expectStatus(200)
                    .data()
                    .get("now")
                    .asText());
            assertThat(now).isAfter(OffsetDateTime.now().plusMinutes(119));
        }
    }

    @Test
    void a_restart_does_not_move_the_clock_back() {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        String operationId;
        try (TestServer server = TestServer.start(dataDir, dbUrl)) {
            operationId = createLink(server, 30);
            server.advanceClock(31);
            assertThat(operation(server, operationId).get("status").asText()).isEqualTo("EXPIRED");
        }
        try (TestServer restarted = TestServer.start(dataDir, dbUrl)) {
            assertThat(operation(restarted, operationId).get("status").asText()).isEqualTo("EXPIRED");
            OffsetDateTime created = OffsetDateTime.parse(operation(restarted, createLink(restarted, 60))
                    .get("createdAt")
                    .asText());
            assertThat(created).isAfter(OffsetDateTime.now().plusMinutes(30));
        }
    }
}
