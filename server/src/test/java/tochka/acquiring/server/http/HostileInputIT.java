package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.LogCapture;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.RawHttp;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * What an attacker sent at the front door: numbers that take gigabytes to write out, NUL characters and lone
 * surrogates, full-width digits, bodies that are not JSON or not whole, requests Jetty cannot parse, HEAD without a
 * token. Each is answered 400 (or the status that says what to fix) in the bank's body, never a 500, and quickly.
 */
class HostileInputIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Generous: each of these took seconds and gigabytes, or forever; answered they take milliseconds. */
    private static final Duration QUICKLY = Duration.ofSeconds(3);

    private final TestServer server = running.get();
    private final ApiClient api = server.api();

    private String create(String amount) {
        return """
                {"Data": {"customerCode": "%s", "amount": %s, "purpose": "p", "paymentMode": ["card"]}}
                """.formatted(server.info().customerCode(), amount);
    }

    private String withReceipt(String itemFields) {
        return """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["card"],
                 "Client": {"email": "a@b.ru"}, "Items": [{%s}]}}
                """.formatted(server.info().customerCode(), itemFields);
    }

    /** Posts {@code body} and checks it is a 400 that names {@code field}, answered within {@link #QUICKLY}. */
    private void refusedQuickly(ApiClient client, String path, String body, String field) {
        long start = System.nanoTime();
        ApiResponse response = client.post(path, body);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("%s %.60s... -> %d in %d ms%n", path, body.strip(), response.status(), took.toMillis());
        response.expectError(400, field);
        assertThat(response.body().length())
                .as("the error quotes a prefix, not the whole value")
                .isLessThan(3000);
        assertThat(took).as("answered quickly").isLessThan(QUICKLY);
    }

    @Test
    void numbers_with_huge_exponents_or_digits_are_refused_quickly_everywhere() {
        String payments = "/acquiring/v1.0/payments";
        for (String amount : List.of(
                "1e999999999",
                "1e2147483647",
                "1e-2147483648",
                "-1E+999999999",
                "\"1e999999999\"",
                "1" + "0".repeat(100_000),
                "0." + "0".repeat(100_000) + "1",
                "\"１０\"")) {
            refusedQuickly(api, payments, create(amount), amount.length() > 1000 ? "request body" : "Data.amount");
        }
        refusedQuickly(api, payments, create("10").replace("\"p\",", "\"p\", \"ttl\": 1e999999999,"), "Data.ttl");
        refusedQuickly(
                api, payments, create("10").replace("\"p\",", "\"p\", \"ttl\": 99999999999999999999,"), "Data.ttl");
        refusedQuickly(api, payments, create("10").replace("\"p\",", "\"p\", \"ttl\": \"６０\","), "Data.ttl");
        String receipts = "/acquiring/v1.0/payments_with_receipt";
        refusedQuickly(
                api,
                receipts,
                withReceipt("\"name\": \"x\", \"amount\": 1e999999999, \"quantity\": 1"),
                "Data.Items[0].amount");
        refusedQuickly(
                api,
                receipts,
                withReceipt("\"name\": \"x\", \"amount\": 10, \"quantity\": 1e-999999999"),
                "Data.Items[0].quantity");
        refusedQuickly(
                api,
                receipts,
                withReceipt("\"name\": \"x\", \"amount\": 10, \"quantity\": \"1e99999999\""),
                "Data.Items[0].quantity");
        String operationId = server.paidCardLink("10");
        refusedQuickly(
                api, payments + "/" + operationId + "/refund", "{\"Data\": {\"amount\": 1e999999999}}", "Data.amount");
        refusedQuickly(
                api, payments + "/" + operationId + "/refund", "{\"Data\": {\"amount\": 1e2147483647}}", "Data.amount");
        refusedQuickly(server.admin(), "/control/v1/clock/advance", "{\"minutes\": 1e999999999}", "minutes");
        refusedQuickly(
                api,
                "/consent/v1.0/consents",
                "{\"Data\": {\"permissions\": [\"ReadBalances\"]}, \"Risks\": {\"x\": 1e999999999}}",
                "Risks.x");
    }

    @Test
    void huge_or_full_width_query_numbers_are_refused() {
        String list = "/acquiring/v1.0/payments?customerCode=" + server.info().customerCode();
        api.get(list + "&page=" + "9".repeat(5_000)).expectError(400, "page");
        api.get(list + "&perPage=-" + "9".repeat(5_000)).expectError(400, "perPage");
        api.get(list + "&page=%EF%BC%91").expectError(400, "page"); // full-width 1
        api.get(list + "&perPage=%EF%BC%91%EF%BC%90").expectError(400, "perPage");
        api.get(list + "&fromDate=%EF%BC%92026-01-01").expectError(400, "fromDate");
        api.get(list + "&page=1").expectStatus(200);
    }

    @Test
    void eight_huge_numbers_in_parallel_leave_the_server_healthy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> api.post("/acquiring/v1.0/payments", create("1e999999999"))));
            }
            for (Future<ApiResponse> answer : answers) answer.get().expectError(400, "Data.amount");
            System.out.printf("8 parallel 1e999999999 answered in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
        server.admin().get("/health").expectStatus(200);
        api.post("/acquiring/v1.0/payments", create("10")).expectStatus(200);
    }

    @Test
    void a_nul_character_is_refused_in_every_string_naming_the_field() {
        String payments = "/acquiring/v1.0/payments";
        api.post(payments, create("10").replace("\"p\"", "\"a\\u0000b\"")).expectError(400, "Data.purpose", "NUL");
        api.post(payments, create("10").replace("\"p\",", "\"p\", \"paymentLinkId\": \"\\u0000\","))
                .expectError(400, "Data.paymentLinkId");
        api.get(payments + "?customerCode=%00").expectError(400, "customerCode", "NUL");
        // In the raw path Jetty refuses it itself, before routing: still the bank's body.
        api.get(payments + "/%00").expectError(400);
        api.get("/open-banking/v1.0/customers/30000%0000").expectError(400);
        api.get(payments + "?customerCode=" + server.info().customerCode() + "&status=%00")
                .expectError(400, "status");
    }

    @Test
    void lone_surrogates_are_refused_not_stored_as_question_marks() {
        api.post("/acquiring/v1.0/payments", create("10").replace("\"p\"", "\"a\\ud800b\""))
                .expectError(400, "Data.purpose", "surrogate");
        api.post("/acquiring/v1.0/payments", create("10").replace("\"p\"", "\"\\udc00\""))
                .expectError(400, "Data.purpose", "surrogate");
        String kept = api.post("/acquiring/v1.0/payments", create("10").replace("\"p\"", "\"\\ud83d\\ude00\""))
                .expectStatus(200)
                .data()
                .get("purpose")
                .asText();
        assertThat(kept).isEqualTo("😀");
    }

    @Test
    void a_null_receipt_item_is_a_400_naming_it() {
        api.post("/acquiring/v1.0/payments_with_receipt", """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["card"],
                 "Client": {"email": "a@b.ru"}, "Items": [null]}}
                """.formatted(
                                server.info().customerCode()))
                .expectError(400, "Data.Items[0]");
    }

    @Test
    void head_is_authenticated_as_get() throws Exception {
        for (String base : List.of(server.info().apiUrl(), server.info().sandboxUrl())) {
            String url = base + "/acquiring/v1.0/payments?customerCode="
                    + server.info().customerCode();
            assertThat(head(url, null).statusCode())
                    .as("HEAD %s without a token", url)
                    .isEqualTo(403);
        }
        String url = server.info().apiUrl() + "/acquiring/v1.0/payments?customerCode="
                + server.info().customerCode();
        assertThat(head(url, "Bearer " + server.info().demoToken()).statusCode())
                .isEqualTo(200);
        assertThat(head(server.info().publicUrl() + "/admin/v1/webhooks/deliveries", null)
                        .statusCode())
                .isEqualTo(403);
        RawHttp.Answer raw = RawHttp.send(
                server.info().port(),
                "HEAD /uapi/open-banking/v1.0/customers HTTP/1.1\r\n" + "Host: x\r\nAuthorization: Bearer "
                        + server.info().demoToken() + "\r\nConnection: close\r\n\r\n");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.text()).as("a HEAD answer has no body").isEmpty();
    }

    private static HttpResponse<String> head(String url, @org.jspecify.annotations.Nullable String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) request.header("Authorization", authorization);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_body_declared_as_anything_but_json_is_refused_in_the_banks_body() throws Exception {
        String url = server.info().apiUrl() + "/acquiring/v1.0/payments";
        for (String contentType :
                List.of("multipart/form-data; boundary=x", "text/xml", "application/xml", "text/plain")) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + server.info().demoToken())
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(create("10")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(contentType).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("message").asText()).contains("Content-Type");
        }
        // curl -d sends application/x-www-form-urlencoded; the README relies on it.
        HttpResponse<String> curlStyle = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + server.info().demoToken())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(create("10")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(curlStyle.statusCode()).isEqualTo(200);
    }

    @Test
    void every_api_answer_says_no_store_and_nosniff() throws Exception {
        String root = server.info().publicUrl();
        List<String> urls = List.of(
                server.info().apiUrl() + "/open-banking/v1.0/customers",
                server.info().apiUrl() + "/no/such/method",
                server.info().sandboxUrl() + "/open-banking/v1.0/customers",
                server.info().apiUrl() + "/acquiring/v1.0/payments?customerCode=x",
                root + "/admin/v1/webhooks/deliveries",
                root + "/control/v1/clock/advance",
                root + "/health");
        for (String url : urls) {
            for (String token : List.of(server.info().demoToken(), server.info().adminToken(), "wrong")) {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.headers().firstValue("Cache-Control"))
                        .as("%s -> %d", url, response.statusCode())
                        .hasValue("no-store");
                assertThat(response.headers().firstValue("X-Content-Type-Options"))
                        .as(url)
                        .hasValue("nosniff");
            }
        }
    }

    @Test
    void requests_jetty_cannot_parse_are_answered_in_the_banks_body() throws Exception {
        int port = server.info().port();
        String tooLong = "/uapi/acquiring/v1.0/payments?x=" + "a".repeat(100_000);
        check(RawHttp.send(port, "GET " + tooLong + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        check(
                RawHttp.send(
                        port,
                        "GET /uapi/open-banking/v1.0/customers HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000)
                                + "\r\n\r\n"),
                431);
        check(RawHttp.send(port, "GET /uapi/open-banking/v1.0/customers HTTP/9.9\r\nHost: x\r\n\r\n"), 505);
        check(
                RawHttp.send(
                        port, "GET /uapi/open-banking/v1.0/customers HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"),
                400);
    }

    private static void check(RawHttp.Answer response, int status) throws Exception {
        assertThat(response.status()).as(response.headers().toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as(response.headers().toString())
                .startsWith("application/json");
        JsonNode body = JSON.readTree(response.text());
        assertThat(body.get("code").asText()).isEqualTo(Integer.toString(status));
        assertThat(body.get("id").asText()).isNotBlank();
        assertThat(body.get("Errors")).isNotEmpty();
    }

    @Test
    void a_broken_chunked_body_or_one_cut_short_is_a_400_not_an_error_in_the_log() throws Exception {
        int port = server.info().port();
        String head = "POST /uapi/acquiring/v1.0/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + server.info().demoToken() + "\r\nContent-Type: application/json\r\n";
        try (LogCapture errors = LogCapture.of(Level.WARN, ErrorMapper.class)) {
            check(RawHttp.send(port, head + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"), 400);
            check(RawHttp.send(port, head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"Dat\r\n"), 400);
            check(RawHttp.send(port, head + "Content-Length: 100\r\n\r\n{\"Data\": "), 400);
            assertThat(errors.events()).as("nothing logged as a server error").isEmpty();
        }
    }

    @Test
    void a_broken_multipart_form_on_the_card_page_is_a_400() {
        String operationId = api.post("/acquiring/v1.0/payments", create("10"))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        PageClient browser = new PageClient(server.info().publicUrl());
        browser.get("/order/card?uuid=" + operationId).expectStatus(200);
        PageClient.Page page = browser.postRaw(
                "/order/card?uuid=" + operationId,
                "multipart/form-data; boundary=zzz",
                "--zzz\r\nContent-Disposition: form-data; name=\"number\"\r\n\r\n4111");
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).contains("Content-Type");
        browser.postRaw("/order/card?uuid=" + operationId, "application/x-www-form-urlencoded", "email=a%00b")
                .expectStatus(400);
    }

    @Test
    void an_unknown_qr_image_answers_a_page_not_an_empty_body() {
        PageClient.Page page = new PageClient(server.info().publicUrl()).get("/order/qr/AD100000000000000000.png");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).isNotBlank();
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
