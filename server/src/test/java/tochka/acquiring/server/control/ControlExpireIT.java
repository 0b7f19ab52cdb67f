package tochka.acquiring.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** {@code POST /control/v1/payments/{operationId}/expire}: one unpaid link expires now, as its ttl would make it. */
class ControlExpireIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    private String create() {
        return server.link("\"amount\": 5, \"purpose\": \"p\", \"paymentMode\": [\"card\", \"sbp\"]");
    }

    @Test
    void a_created_link_expires_at_once_and_can_no_longer_be_paid() {
        String operationId = create();

        JsonNode operation = server.admin()
                .post("/control/v1/payments/" + operationId + "/expire", "")
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0);

        assertThat(operation.get("operationId").asText()).isEqualTo(operationId);
        assertThat(operation.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(server.status(operationId)).isEqualTo("EXPIRED");
        server.simulate(operationId, "card", "approve").expectError(400, "EXPIRED");
        String other = create();
        assertThat(server.status(other)).as("the other links keep their time").isEqualTo("CREATED");
    }

    @Test
    void an_empty_json_body_is_accepted_too() {
        String operationId = create();
        server.admin()
                .post("/control/v1/payments/" + operationId + "/expire", "{}")
                .expectStatus(200);
        assertThat(server.status(operationId)).isEqualTo("EXPIRED");
    }

    @Test
    void a_paid_or_expired_link_cannot_expire_and_stays_as_it_was() {
        String paid = create();
        server.control().pay(paid);
        server.admin()
                .post("/control/v1/payments/" + paid + "/expire", "")
                .expectError(400, "is APPROVED", "only a CREATED link can expire");
        assertThat(server.status(paid)).isEqualTo("APPROVED");

        String expired = create();
        server.admin().post("/control/v1/payments/" + expired + "/expire", "").expectStatus(200);
        server.admin().post("/control/v1/payments/" + expired + "/expire", "").expectError(400, "is EXPIRED");
    }

    @Test
    void an_unknown_link_is_not_found_and_the_admin_token_is_required() {
        server.admin()
                .post("/control/v1/payments/00000000-0000-0000-0000-000000000000/expire", "")
                .expectError(404, "00000000-0000-0000-0000-000000000000");
        String operationId = create();
        server.admin()
                .withAuthorization("Bearer wrong")
                .post("/control/v1/payments/" + operationId + "/expire", "")
                .expectError(403);
        assertThat(server.status(operationId)).isEqualTo("CREATED");
    }
}
