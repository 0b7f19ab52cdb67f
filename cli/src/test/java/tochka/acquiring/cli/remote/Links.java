package tochka.acquiring.cli.remote;

import tochka.acquiring.testkit.TestServer;

/** Payment links made and read straight through the server's API, so a test of a command sets up without it. */
final class Links {

    private Links() {}

    /**
     * A link of the demo company for 10 roubles, with {@code fields} (JSON members, e.g. {@code "paymentMode":
     * ["card"]}) added to its {@code Data}; its operationId.
     */
    static String create(TestServer server, String fields) {
        return server.api()
                .post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", %s}}
                        """.formatted(server.customerCode(), fields))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    /** The status of {@code operationId}, as the API gives it. */
    static String status(TestServer server, String operationId) {
        return server.api()
                .get("/acquiring/v1.0/payments/" + operationId)
                .expectStatus(200)
                .data()
                .get("Operation")
                .get(0)
                .get("status")
                .asText();
    }
}
