package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.LogCapture;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.PageClient.Page;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** Every payment event leaves one INFO line, whichever way it came; of a card only the masked number. */
class PaymentLogIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final TestServer server = running.get();
    private final LogCapture logs = LogCapture.of(Level.INFO, PaymentService.class);

    @AfterEach
    void stop_capturing() {
        logs.close();
    }

    private String link(String amount, String modes, boolean twoStage) {
        return server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": %s, "purpose": "p", "paymentMode": [%s],
                          "preAuthorization": %s}}
                """.formatted(server.info().customerCode(), amount, modes, twoStage))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    private String line(String operationId, String fragment) {
        return logs.await(line -> line.contains(operationId) && line.contains(fragment), DEADLINE);
    }

    @Test
    void a_link_its_payment_and_its_refunds_are_logged() {
        String operationId = link("10.5", "\"card\", \"sbp\"", false);
        server.simulate(operationId, "sbp", "approve").expectStatus(200);
        server.api()
                .post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 4}}")
                .expectStatus(200);
        server.api()
                .post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 6.5}}")
                .expectStatus(200);

        assertThat(line(operationId, "created"))
                .startsWith("payment link " + operationId + " created: 10.5 RUB for"
                        + " customerCode " + server.info().customerCode() + ", merchantId "
                        + server.info().merchantId()
                        + ", paymentLinkId ")
                .endsWith(", paymentMode [card, sbp]");
        assertThat(line(operationId, "paid by"))
                .isEqualTo("payment " + operationId + " APPROVED: 10.5 RUB paid by sbp");
        assertThat(line(operationId, "refunded 4 RUB"))
                .isEqualTo("payment " + operationId + " refunded 4 RUB (partial); 6.5 RUB left to refund of 10.5 RUB");
        assertThat(line(operationId, "refunded 6.5 RUB"))
                .isEqualTo("payment " + operationId + " refunded 6.5 RUB (full); 0 RUB left to refund of 10.5 RUB");
    }

    @Test
    void a_two_stage_payment_logs_authorization_and_capture() {
        String operationId = link("7", "\"card\"", true);
        server.simulate(operationId, "card", "authorize").expectStatus(200);
        server.api()
                .post("/acquiring/v1.0/payments/" + operationId + "/capture", "")
                .expectStatus(200);

        assertThat(line(operationId, "created")).endsWith(", two-stage");
        assertThat(line(operationId, "paid by"))
                .isEqualTo("payment " + operationId + " AUTHORIZED: 7 RUB paid by card");
        assertThat(line(operationId, "captured"))
                .isEqualTo("payment " + operationId + " captured: 7 RUB taken, now APPROVED");
    }

    @Test
    void a_declined_attempt_and_the_other_ways_to_pay_are_logged() {
        String declined = link("3", "\"card\", \"tinkoff\", \"dolyame\"", false);
        server.simulate(declined, "tinkoff", "decline").expectStatus(200);
        server.simulate(declined, "dolyame", "approve").expectStatus(200);

        assertThat(line(declined, "declined"))
                .isEqualTo("payment " + declined + ": a tinkoff attempt was declined; the link stays payable");
        assertThat(line(declined, "paid by")).endsWith("paid by dolyame");
    }

    @Test
    void a_card_paid_on_the_hosted_page_is_logged_by_its_masked_number_only() throws Exception {
        String operationId = link("12", "\"card\"", false);
        PageClient browser = new PageClient(server.info().publicUrl());
        String csrf = browser.get("/order/card?uuid=" + operationId).csrf();

        Page paid = browser.post(
                "/order/card?uuid=" + operationId,
                "csrf",
                csrf,
                "number",
                "4111 1111 1111 1111",
                "month",
                "12",
                "year",
                "30",
                "cvc",
                "987",
                "email",
                "buyer@example.com");

        assertThat(paid.status()).isLessThan(400);
        assertThat(line(operationId, "paid by"))
                .isEqualTo("payment " + operationId + " APPROVED: 12 RUB paid by card 411111******1111 (VISA)");
        assertThat(String.join("\n", logs.lines())).doesNotContain("4111111111111111");
    }

    @Test
    void the_expiry_sweep_is_logged_when_it_expires_links() {
        link("2", "\"card\"", false);

        server.advanceClock(60L * 24 * 365);

        logs.await(line -> line.matches("expired \\d+ unpaid payment links?"), DEADLINE);
    }
}
