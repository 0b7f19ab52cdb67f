package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.LogCapture;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** One log line per API call: method, path, status, time, who called and the error id; never a token or a query. */
class RequestLogIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final TestServer server = running.get();
    private final LogCapture logs = LogCapture.of(Level.DEBUG, RequestLog.class);

    @AfterEach
    void stop_capturing() {
        logs.close();
    }

    private String lineOf(String method, String path) {
        return logs.await(line -> line.startsWith(method + " " + path + " "), DEADLINE);
    }

    private ILoggingEvent eventOf(String method, String path) {
        String line = lineOf(method, path);
        return logs.events().stream()
                .filter(event -> event.getFormattedMessage().equals(line))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_api_call_logs_one_line_with_method_path_status_milliseconds_and_client_id() {
        server.api().get("/open-banking/v1.0/customers").expectStatus(200);

        ILoggingEvent event = eventOf("GET", "/uapi/open-banking/v1.0/customers");
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage())
                .matches(Pattern.quote("GET /uapi/open-banking/v1.0/customers 200 ") + "\\d+ ms client_id="
                        + server.info().clientId());
        assertThat(event.getKeyValuePairs())
                .extracting(pair -> pair.key)
                .containsExactly("method", "path", "status", "ms", "client_id");
        assertThat(logs.lines())
                .filteredOn(line -> line.contains("/uapi/open-banking/v1.0/customers"))
                .hasSize(1);
    }

    @Test
    void sandbox_control_and_admin_calls_are_logged_with_their_caller() {
        server.sandbox().get("/open-banking/v1.0/customers").expectStatus(200);
        server.admin().get("/admin/v1/webhooks/deliveries").expectStatus(200);
        server.advanceClock(1);

        assertThat(lineOf("GET", "/sandbox/v2/open-banking/v1.0/customers")).endsWith("client_id=sandbox");
        assertThat(lineOf("GET", "/admin/v1/webhooks/deliveries")).endsWith("client_id=admin");
        assertThat(lineOf("POST", "/control/v1/clock/advance"))
                .contains(" 200 ")
                .endsWith("client_id=admin");
    }

    @Test
    void an_error_line_carries_the_error_id_of_the_body_and_the_reason() {
        ApiResponse refused = server.api()
                .post("/acquiring/v1.0/payments", """
                {"Data": {"customerCode": "%s", "amount": -1, "purpose": "p", "paymentMode": ["card"]}}
                """.formatted(server.info().customerCode()))
                .expectStatus(400);
        String errorId = refused.json().get("id").asText();

        String line = lineOf("POST", "/uapi/acquiring/v1.0/payments");
        assertThat(line)
                .contains(" 400 ")
                .contains("client_id=" + server.info().clientId())
                .contains("error_id=" + errorId + ": Data.amount");
    }

    @Test
    void neither_a_token_nor_the_query_string_is_logged() {
        String token = server.info().demoToken();
        int at = token.length() - 20;
        String forged = token.substring(0, at) + (token.charAt(at) == '0' ? '1' : '0') + token.substring(at + 1);

        server.api(forged)
                .get("/acquiring/v1.0/payments?customerCode=" + server.info().customerCode() + "&page=1")
                .expectStatus(403);
        server.api()
                .get("/acquiring/v1.0/payments?customerCode=" + server.info().customerCode())
                .expectStatus(200);

        assertThat(logs.await(line -> line.startsWith("GET /uapi/acquiring/v1.0/payments 403 "), DEADLINE))
                .contains("client_id=- ");
        logs.await(line -> line.startsWith("GET /uapi/acquiring/v1.0/payments 200 "), DEADLINE);
        for (String line : logs.lines()) {
            assertThat(line)
                    .doesNotContain(server.info().demoToken().substring(0, 40))
                    .doesNotContain("?")
                    .doesNotContain("customerCode=");
        }
    }

    @Test
    void pages_and_health_log_at_debug_only() {
        server.admin().get("/health").expectStatus(200);

        assertThat(eventOf("GET", "/health").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(eventOf("GET", "/health").getFormattedMessage()).endsWith("client_id=-");
    }

    @Test
    void an_unknown_api_path_is_logged_with_its_404_error_id() {
        String errorId = server.api()
                .get("/no/such/method")
                .expectStatus(404)
                .json()
                .get("id")
                .asText();

        assertThat(lineOf("GET", "/uapi/no/such/method")).contains(" 404 ").contains("error_id=" + errorId);
    }

    @Test
    void line_breaks_and_other_controls_from_the_caller_are_escaped_so_no_line_can_be_forged() {
        String forged = "%0a2026-11-28T10:00:00.000Z%20ERROR%20ErrorMapper%20-%20forged%0d%E2%80%A8%1b%5B31m";
        server.api().get("/acquiring/v1.0/payments/x" + forged).expectStatus(404);
        server.api()
                .get("/acquiring/v1.0/payments?customerCode=" + server.info().customerCode() + "&fromDate=" + forged)
                .expectStatus(400);

        // The path is logged as sent (percent-encoded); the reason quotes the decoded operation id.
        String pathLine = logs.await(line -> line.startsWith("GET /uapi/acquiring/v1.0/payments/x"), DEADLINE);
        assertThat(pathLine)
                .contains("x\\u000a2026-11-28T10:00:00.000Z ERROR ErrorMapper - forged\\u000d\\u2028\\u001b[31m");
        String reasonLine = logs.await(line -> line.contains("fromDate"), DEADLINE);
        assertThat(reasonLine).contains("\\u000a2026");
        for (ILoggingEvent event : logs.events()) {
            assertThat(event.getFormattedMessage()).as("a log line").doesNotContain("\n", "\r", "\u2028", "\u001b");
            event.getKeyValuePairs()
                    .forEach(pair ->
                            assertThat(String.valueOf(pair.value)).doesNotContain("\n", "\r", "\u2028", "\u001b"));
        }
    }
}
