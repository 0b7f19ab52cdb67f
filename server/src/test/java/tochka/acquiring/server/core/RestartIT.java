package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/** A second start over the same store reuses its demo world, its keys and its payments. */
class RestartIT {

    @Test
    void a_restarted_server_keeps_demo_data_keys_and_payments() {
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        String operationId;
        JsonNode paidBefore;
        TestServer first = TestServer.start(dataDir, dbUrl);
        var before = first.info();
        try (first) {
            operationId = first.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 3.25, "purpose": "Заказ до перезапуска",
                              "paymentMode": ["card"]}}
                    """.formatted(before.customerCode()))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            first.simulate(operationId, "card", "approve").expectStatus(200);
            paidBefore = first.api()
                    .get("/acquiring/v1.0/payments/" + operationId)
                    .expectStatus(200)
                    .data()
                    .get("Operation")
                    .get(0);
        }

        try (TestServer second = TestServer.start(dataDir, dbUrl)) {
            var after = second.info();
            assertThat(after.customerCode()).isEqualTo(before.customerCode());
            assertThat(after.clientId()).isEqualTo(before.clientId());
            assertThat(after.demoToken()).as("the issued token stays valid").isEqualTo(before.demoToken());
            assertThat(after.adminToken()).isEqualTo(before.adminToken());
            JsonNode paidAfter = second.api()
                    .get("/acquiring/v1.0/payments/" + operationId)
                    .expectStatus(200)
                    .data()
                    .get("Operation")
                    .get(0);
            assertThat(paidAfter.get("operationId").asText()).isEqualTo(operationId);
            assertThat(paidAfter.get("amount").decimalValue()).isEqualByComparingTo("3.25");
            assertThat(paidAfter.get("status").asText()).isEqualTo("APPROVED");
            assertThat(paidAfter.get("purpose").asText()).isEqualTo("Заказ до перезапуска");
            for (String field : new String[] {"createdAt", "paidAt", "paymentId", "paymentType", "paymentLinkId"}) {
                assertThat(paidBefore.get(field))
                        .as(field + " before the restart")
                        .isNotNull();
                assertThat(paidAfter.get(field))
                        .as(field + " as before the restart")
                        .isEqualTo(paidBefore.get(field));
            }
            assertThat(second.api()
                            .get("/open-banking/v1.0/customers")
                            .expectStatus(200)
                            .data()
                            .get("Customer"))
                    .hasSize(2);
        }
    }
}
