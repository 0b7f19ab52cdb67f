package tochka.acquiring.server.reliability;

import tochka.acquiring.server.testing.ServerProcess;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.TestServer;

/** One running server as the load sees it: the bank API with the demo key, and the root with the admin token. */
record Node(String name, ApiClient api, ApiClient admin, String customerCode, String clientId) {

    static Node of(String name, ServerProcess process) {
        return new Node(
                name,
                ApiClient.bearer(process.get("api"), process.get("token")),
                ApiClient.bearer(process.get("root"), process.get("admin")),
                process.get("customer"),
                process.get("clientId"));
    }

    static Node of(String name, TestServer server) {
        return new Node(
                name,
                server.api(),
                server.admin(),
                server.info().customerCode(),
                server.info().clientId());
    }

    ApiResponse payment(String operationId) {
        return api.get("/acquiring/v1.0/payments/" + operationId);
    }

    /** Subscribes the demo key to payment webhooks at {@code url}. */
    void subscribe(String url) {
        api.send(
                        "PUT",
                        "/webhook/v1.0/" + clientId,
                        "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + url + "\"}")
                .expectStatus(200);
    }
}
