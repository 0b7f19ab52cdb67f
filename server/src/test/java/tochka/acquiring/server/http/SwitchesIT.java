package tochka.acquiring.server.http;

import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Config;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/** Each of --no-control, --no-admin and --no-sandbox turns off exactly its part: 404 in the bank's body. */
class SwitchesIT {

    private static Config config() {
        return Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl());
    }

    @Test
    void no_admin_turns_the_admin_api_off_and_nothing_else() {
        try (TestServer server = TestServer.start(config().withoutAdmin())) {
            server.admin().get("/admin/v1/webhooks/deliveries").expectError(404, "--no-admin");
            server.admin().post("/admin/v1/webhooks/deliveries/x/resend", "{}").expectError(404, "--no-admin");
            server.advanceClock(1);
            server.sandbox().get("/open-banking/v1.0/customers").expectStatus(200);
        }
    }

    @Test
    void no_control_turns_the_control_api_off_and_leaves_the_admin_api() {
        try (TestServer server = TestServer.start(config().withoutControl())) {
            server.admin().post("/control/v1/clock/advance", "{\"minutes\": 1}").expectError(404, "--no-control");
            server.admin().post("/control/v1/payments/x/simulate", "{}").expectError(404, "--no-control");
            server.admin().get("/admin/v1/webhooks/deliveries").expectStatus(200);
            server.admin()
                    .withAuthorization(null)
                    .get("/admin/v1/webhooks/deliveries")
                    .expectError(403);
        }
    }

    @Test
    void no_sandbox_turns_the_sandbox_off_before_any_token_is_looked_at() {
        try (TestServer server = TestServer.start(config().withoutSandbox())) {
            server.sandbox().get("/open-banking/v1.0/customers").expectError(404, "--no-sandbox");
            server.sandbox()
                    .withAuthorization(null)
                    .post("/acquiring/v1.0/payments", "{}")
                    .expectError(404, "--no-sandbox");
            server.sandbox().send("PUT", "/webhook/v1.0/sandbox", "{}").expectError(404, "--no-sandbox");
            server.api().get("/open-banking/v1.0/customers").expectStatus(200);
            server.advanceClock(1);
            server.admin().get("/admin/v1/webhooks/deliveries").expectStatus(200);
        }
    }
}
