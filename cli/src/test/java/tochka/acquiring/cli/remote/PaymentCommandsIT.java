package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.testkit.TestServer;

/**
 * The payment commands ({@code retailers}, {@code pay}, {@code status}, {@code payments}, {@code refund},
 * {@code capture}) against the real server: their tables, their {@code --json} shapes and their exit codes.
 */
class PaymentCommandsIT {

    private static TestServer server;
    private static Cli cli;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = Cli.against(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new link for {@code amount} roubles, made with {@code tochka pay}; its operationId. */
    private static String link(String amount, String... more) {
        List<String> args = new ArrayList<>(List.of("pay", "--amount", amount, "--purpose", "Test order", "--json"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new))
                .ok()
                .json()
                .get("operationId")
                .asText();
    }

    private static String paidLink(String amount) {
        String operationId = link(amount);
        server.control().pay(operationId);
        return operationId;
    }

    @Test
    void retailers_lists_the_companys_retailers_as_a_table_and_as_json() {
        Cli.Run table = cli.run("retailers").ok();
        assertThat(table.out())
                .startsWith("MERCHANT ID")
                .contains(server.merchantId())
                .contains("REG");

        JsonNode json = cli.run("retailers", "--json").ok().json();
        assertThat(json.isArray()).isTrue();
        assertThat(json.findValuesAsText("merchantId")).contains(server.merchantId());
        assertThat(json.get(0).has("isActive")).isTrue();
        assertThat(json.get(0).has("paymentModes")).isTrue();
    }

    @Test
    void pay_prints_the_link_and_its_operation_id_without_a_qr_code_off_a_terminal() {
        Cli.Run run =
                cli.run("pay", "--amount", "10.50", "--purpose", "Order 42").ok();
        assertThat(run.out())
                .contains("operationId")
                .contains("CREATED")
                .contains("10.50")
                .contains("paymentLink")
                .contains("http")
                .doesNotContain("█");
        assertThat(run.err()).contains("tochka status ").contains("--wait");
    }

    @Test
    void pay_json_is_the_created_payment_with_its_exact_amount() {
        JsonNode created = cli.run(
                        "pay",
                        "--amount",
                        "1500.5",
                        "--purpose",
                        "Order 43",
                        "--mode",
                        "card",
                        "--ttl",
                        "60",
                        "--payment-link-id",
                        "order-43",
                        "--redirect",
                        "https://shop.example/paid",
                        "--json")
                .ok()
                .json();
        assertThat(created.get("amount").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(created.get("status").asText()).isEqualTo("CREATED");
        assertThat(created.get("paymentLink").asText()).startsWith("http");
        assertThat(created.get("paymentLinkId").asText()).isEqualTo("order-43");
        assertThat(created.get("paymentMode").toString()).isEqualTo("[\"card\"]");
        assertThat(created.get("merchantId").asText()).isEqualTo(server.merchantId());

        JsonNode found = cli.run("payments", "--payment-link-id", "order-43", "--json")
                .ok()
                .json();
        assertThat(found.get("payments")).hasSize(1);
        assertThat(found.get("payments").get(0).get("operationId").asText())
                .isEqualTo(created.get("operationId").asText());
    }

    @Test
    void pay_refuses_an_amount_that_is_not_exact_positive_roubles_within_the_limit() {
        for (String amount : new String[] {"0", "-1", "10.001", "ten", "1e3", "100000000.01", "10,50"}) {
            Cli.Run run = cli.run("pay", "--amount", amount, "--purpose", "x").failed(ExitCodes.REJECTED);
            assertThat(run.err()).as(amount).contains("--amount");
        }
    }

    @Test
    void pay_refuses_a_purpose_longer_than_the_bank_takes() {
        Cli.Run run =
                cli.run("pay", "--amount", "10", "--purpose", "x".repeat(141)).failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("--purpose").contains("140");
    }

    @Test
    void pay_with_a_wrong_token_is_an_auth_failure() {
        Cli.Run run = cli.with("TOCHKA_TOKEN", "not.a.jwt")
                .run("pay", "--amount", "10", "--purpose", "x")
                .failed(ExitCodes.AUTH);
        assertThat(run.err()).contains("Check the token");
    }

    @Test
    void pay_with_a_receipt_file_creates_the_link_with_the_receipt() throws IOException {
        Path receipt = Files.writeString(files.resolve("receipt.json"), """
                {"taxSystemCode": "usn_income",
                 "Client": {"name": "Иван", "email": "ivan@example.com"},
                 "Items": [{"name": "Чай", "amount": "5.25", "quantity": 2, "vatType": "none",
                            "paymentMethod": "full_payment", "paymentObject": "goods"}]}
                """);
        JsonNode created = cli.run(
                        "pay", "--amount", "10.50", "--purpose", "Tea", "--receipt", receipt.toString(), "--json")
                .ok()
                .json();
        assertThat(created.get("Client").get("email").asText()).isEqualTo("ivan@example.com");
        assertThat(created.get("Items").get(0).get("amount").decimalValue()).isEqualByComparingTo("5.25");
        assertThat(created.get("taxSystemCode").asText()).isEqualTo("usn_income");
    }

    @Test
    void pay_refuses_a_bad_receipt_file_naming_the_field() throws IOException {
        Path noAmount = Files.writeString(files.resolve("no-amount.json"), """
                {"Client": {"email": "ivan@example.com"}, "Items": [{"name": "Чай", "quantity": 1}]}
                """);
        assertThat(cli.run("pay", "--amount", "10", "--purpose", "x", "--receipt", noAmount.toString())
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("Items[0].amount: missing");

        Path typo = Files.writeString(files.resolve("typo.json"), """
                {"Client": {"email": "ivan@example.com"}, "Items": [{"name": "Чай", "amount": 1, "quantiy": 1}]}
                """);
        assertThat(cli.run("pay", "--amount", "10", "--purpose", "x", "--receipt", typo.toString())
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("Items[0].quantiy: not a field here")
                .contains("quantity");

        Path badVat = Files.writeString(files.resolve("bad-vat.json"), """
                {"Client": {"email": "ivan@example.com"},
                 "Items": [{"name": "Чай", "amount": 1, "quantity": 1, "vatType": "vat99"}]}
                """);
        assertThat(cli.run("pay", "--amount", "10", "--purpose", "x", "--receipt", badVat.toString())
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("Items[0].vatType: 'vat99' is not one of")
                .contains("vat20");

        Path notJson = Files.writeString(files.resolve("not.json"), "Client: me");
        assertThat(cli.run("pay", "--amount", "10", "--purpose", "x", "--receipt", notJson.toString())
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("not JSON");

        assertThat(cli.run("pay", "--amount", "10", "--purpose", "x", "--receipt", "missing.json")
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("no such file");
    }

    @Test
    void status_shows_the_payment_as_lines_and_as_json() {
        String operationId = paidLink("12.00");
        Cli.Run lines = cli.run("status", operationId).ok();
        assertThat(lines.out())
                .contains(operationId)
                .contains("APPROVED")
                .contains("12.00")
                .contains("paymentType")
                .contains("card")
                .contains("paidAt");

        JsonNode json = cli.run("status", operationId, "--json").ok().json();
        assertThat(json.get("operationId").asText()).isEqualTo(operationId);
        assertThat(json.get("status").asText()).isEqualTo("APPROVED");
        assertThat(json.get("paymentType").asText()).isEqualTo("card");
        assertThat(json.get("Order").isArray()).isTrue();
    }

    @Test
    void status_of_an_unknown_operation_is_not_found() {
        Cli.Run run = cli.run("status", "00000000-0000-0000-0000-000000000000").failed(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("Check the id");
    }

    @Test
    void status_wait_returns_once_the_buyer_pays() throws Exception {
        String operationId = link("7.00");
        try (Relay relay = Relay.to(server.url(), "/acquiring/v1.0/payments/" + operationId)) {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                CompletableFuture<Cli.Run> waiting = CompletableFuture.supplyAsync(
                        () -> cli.with("TOCHKA_BASE_URL", relay.url() + "/uapi")
                                .run(
                                        "status",
                                        operationId,
                                        "--wait",
                                        "--interval",
                                        "500ms",
                                        "--timeout",
                                        "1m",
                                        "--json"),
                        executor);
                // The command has read the payment (CREATED) once: now the buyer pays.
                assertThat(relay.firstRead.await(30, TimeUnit.SECONDS)).isTrue();
                server.control().pay(operationId);
                JsonNode paid = waiting.get(60, TimeUnit.SECONDS).ok().json();
                assertThat(paid.get("status").asText()).isEqualTo("APPROVED");
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Test
    void status_wait_times_out_saying_the_status_it_still_has() {
        String operationId = link("8.00");
        Cli.Run run = cli.run("status", operationId, "--wait", "--timeout", "1s", "--interval", "500ms")
                .failed(ExitCodes.TIMED_OUT);
        assertThat(run.err()).contains("still CREATED").contains("1s");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void status_refuses_an_interval_too_short_to_be_polite() {
        Cli.Run run = cli.run("status", "x", "--wait", "--interval", "100ms").failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("--interval");
    }

    @Test
    void payments_lists_the_companys_payments_as_a_table_and_as_json() {
        String paid = paidLink("21.00");
        String long_ = cli.run(
                        "pay",
                        "--amount",
                        "22",
                        "--purpose",
                        "A purpose long enough to be cut in the table" + " but kept whole in JSON",
                        "--json")
                .ok()
                .json()
                .get("operationId")
                .asText();

        Cli.Run table = cli.run("payments", "--per-page", "1000").ok();
        assertThat(table.out())
                .startsWith("OPERATION ID")
                .contains(paid)
                .contains(long_)
                .contains("A purpose long enough to be cut in the …")
                .doesNotContain("kept whole");

        JsonNode json = cli.run("payments", "--status", "APPROVED", "--per-page", "1000", "--json")
                .ok()
                .json();
        assertThat(json.get("page").asInt()).isEqualTo(1);
        assertThat(json.get("totalPages").asInt()).isEqualTo(1);
        assertThat(json.get("payments").findValuesAsText("operationId"))
                .contains(paid)
                .doesNotContain(long_);
        assertThat(json.get("payments").findValuesAsText("status")).containsOnly("APPROVED");

        JsonNode second = cli.run("payments", "--per-page", "1", "--page", "2", "--json")
                .ok()
                .json();
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("totalPages").asInt()).isGreaterThan(1);
        assertThat(second.get("payments")).hasSize(1);
    }

    @Test
    void payments_refuses_filters_out_of_bounds() {
        cli.run("payments", "--per-page", "1001").failed(ExitCodes.REJECTED);
        cli.run("payments", "--from", "2026-02-02", "--to", "2026-01-01").failed(ExitCodes.REJECTED);
        cli.run("payments", "--status", "PAID").failed(ExitCodes.USAGE);
    }

    @Test
    void refund_without_an_amount_refunds_all_that_is_left() {
        String operationId = paidLink("10.00");
        JsonNode partial =
                cli.run("refund", operationId, "--amount", "4", "--json").ok().json();
        assertThat(partial.get("amount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(partial.get("operationId").asText()).isEqualTo(operationId);
        assertThat(partial.has("orderId")).isTrue();
        assertThat(partial.get("isRefund").asBoolean()).isTrue();

        Cli.Run rest = cli.run("refund", operationId).ok();
        assertThat(rest.out()).contains("6.00").contains("all that was left").contains("4.00 refunded before");

        JsonNode payment = cli.run("status", operationId, "--json").ok().json();
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(cli.run("status", operationId).ok().out())
                .contains("refunded")
                .contains("10.00 of 10.00");

        Cli.Run nothingLeft = cli.run("refund", operationId).failed(ExitCodes.CONFLICT);
        assertThat(nothingLeft.err()).contains("nothing is left");
    }

    @Test
    void a_full_refund_without_an_amount_says_what_it_refunded() {
        String operationId = paidLink("3.30");
        JsonNode refund = cli.run("refund", operationId, "--json").ok().json();
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("3.30");
    }

    @Test
    void refund_of_an_unpaid_link_is_a_conflict() {
        String operationId = link("5.00");
        Cli.Run run = cli.run("refund", operationId).failed(ExitCodes.CONFLICT);
        assertThat(run.err()).contains("tochka status");
        cli.run("refund", operationId, "--amount", "0").failed(ExitCodes.REJECTED);
    }

    @Test
    void a_two_stage_payment_is_captured() {
        String operationId = link("15.00", "--hold");
        assertThat(cli.run("pay", "--amount", "1", "--purpose", "x", "--hold")
                        .ok()
                        .out())
                .contains("twoStage")
                .contains("tochka capture");
        assertThat(cli.run("status", operationId, "--json")
                        .ok()
                        .json()
                        .get("preAuthorization")
                        .asBoolean())
                .isTrue();
        server.control().pay(operationId);
        assertThat(cli.run("status", operationId, "--json")
                        .ok()
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("AUTHORIZED");

        Cli.Run captured = cli.run("capture", operationId).ok();
        assertThat(captured.out()).contains("APPROVED").contains(operationId);
        JsonNode json = cli.run("status", operationId, "--json").ok().json();
        assertThat(json.get("status").asText()).isEqualTo("APPROVED");

        cli.run("capture", operationId, "--json").failed(ExitCodes.CONFLICT);
        assertThat(cli.run("pay", "--amount", "10", "--purpose", "x", "--hold", "--mode", "sbp")
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("--hold needs --mode card");
    }

    @Test
    void every_payment_command_has_help_with_an_example() {
        for (String command : new String[] {"retailers", "pay", "status", "payments", "refund", "capture"}) {
            assertThat(cli.run(command, "--help").ok().out()).as(command).contains("Example:");
        }
    }

    /**
     * A relay in front of the server that tells when the payment at {@code path} was first read: so a test knows
     * that a waiting command has seen the status before the buyer pays.
     */
    private static final class Relay implements AutoCloseable {

        final CountDownLatch firstRead = new CountDownLatch(1);
        private final HttpServer http;
        private final HttpClient client = HttpClient.newHttpClient();
        private final String target;
        private final String watched;

        private Relay(String target, String watched) throws IOException {
            this.target = target;
            this.watched = watched;
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", this::relay);
            http.start();
        }

        static Relay to(String target, String watched) throws IOException {
            return new Relay(target, watched);
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        private void relay(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .timeout(Duration.ofSeconds(30))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : new String[] {"Authorization", "Content-Type", "Accept"}) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) request.header(header, value);
                }
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (exchange.getRequestMethod().equals("GET")
                        && exchange.getRequestURI().getPath().endsWith(watched)) {
                    firstRead.countDown();
                }
                answer.headers()
                        .firstValue("Content-Type")
                        .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
                exchange.sendResponseHeaders(
                        answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
