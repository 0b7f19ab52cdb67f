package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.http.RequestJournal;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** The console's request log: the API's calls with masked bodies, bounded, and only one's own for a company user. */
class ConsoleRequestsIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    private record Issued(ApiClient api, String token, String clientId) {}

    private Issued newKey(String name, String customerCode) {
        var issued = server.application()
                .keys()
                .issue(name, Set.copyOf(Permission.ACQUIRING), Set.of(customerCode), null, false);
        return new Issued(
                server.api(issued.token()), issued.token(), issued.key().clientId());
    }

    /** The number of the newest call of the log's page that mentions every one of {@code fragments}. */
    private static String requestId(String logPage, String... fragments) {
        return Arrays.stream(logPage.split("<tr class=\"request\""))
                .skip(1)
                .filter(row -> Arrays.stream(fragments).allMatch(row::contains))
                .map(row -> row.substring(row.indexOf("data-request=\"") + 14, row.indexOf("\" data-status")))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no call with " + Arrays.toString(fragments) + " in the log:\n" + logPage));
    }

    @Test
    void a_create_payment_call_shows_with_its_status_latency_and_masked_bodies() {
        Issued key = newKey("shop", DemoData.BUSINESS_CODE);
        String linkId = UUID.randomUUID().toString();
        String operationId = key.api()
                .post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": "10.50", "purpose": "Card 4111 1111 1111 1111",
                                  "paymentMode": ["card"], "paymentLinkId": "%s",
                                  "redirectUrl": "https://shop.example/back?token=%s"}}
                        """.formatted(DemoData.BUSINESS_CODE, linkId, key.token()))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        PageClient admin = ConsoleLogin.admin(server);

        String log = admin.get("/console/requests").expectStatus(200).body();
        String id = requestId(log, "/uapi/acquiring/v1.0/payments<", key.clientId());
        PageClient.Page entry =
                admin.get("/console/requests/" + id + "?lang=en").expectStatus(200);

        assertThat(entry.body())
                .contains("id=\"request-status\">200<", "id=\"request-method\">POST<", key.clientId(), "shop")
                .containsPattern("id=\"request-latency\">\\d+ ms<")
                .contains(linkId, operationId, "***1111", "back?token=***")
                .doesNotContain("4111 1111", key.token(), key.token().substring(0, 40));
        assertThat(entry.body()).as("the Authorization header is never kept").doesNotContain("Bearer");
    }

    @Test
    void bodies_are_kept_up_to_16_kib() {
        Issued key = newKey("big", DemoData.BUSINESS_CODE);
        String purpose = "z".repeat(40_000);
        key.api()
                .post("/acquiring/v1.0/payments", "{\"Data\": {\"purpose\": \"" + purpose + "\"}}")
                .expectStatus(400);
        PageClient admin = ConsoleLogin.admin(server);

        String id = requestId(admin.get("/console/requests").body(), key.clientId(), "data-status=\"400\"");
        String entry = admin.get("/console/requests/" + id).expectStatus(200).body();

        assertThat(entry).contains("id=\"request-cut\"", "z".repeat(1000));
        assertThat(entry).doesNotContain("z".repeat(RequestJournal.MAX_BODY_BYTES + 1));
    }

    @Test
    void a_company_user_sees_only_calls_of_keys_wholly_theirs() {
        Issued mine = newKey("mine", DemoData.BUSINESS_CODE);
        Issued theirs = newKey("theirs", DemoData.PERSONAL_CODE);
        mine.api()
                .get("/acquiring/v1.0/payments?customerCode=" + DemoData.BUSINESS_CODE)
                .expectStatus(200);
        theirs.api()
                .get("/acquiring/v1.0/payments?customerCode=" + DemoData.PERSONAL_CODE)
                .expectStatus(200);
        server.api().get("/acquiring/v1.0/retailers?customerCode=" + DemoData.BUSINESS_CODE);
        String adminLog = ConsoleLogin.admin(server).get("/console/requests").body();
        String theirCall = requestId(adminLog, theirs.clientId());
        String myCall = requestId(adminLog, mine.clientId());
        ConsoleLogin.companyUser(server, "requests.business", DemoData.BUSINESS_CODE);
        PageClient user = ConsoleLogin.signedIn(server, "requests.business", ConsoleLogin.PASSWORD);

        String log = user.get("/console/requests").expectStatus(200).body();

        assertThat(log).contains(mine.clientId()).doesNotContain(theirs.clientId(), server.clientId());
        assertThat(user.get("/console/requests/" + myCall).status()).isEqualTo(200);
        assertThat(user.get("/console/requests/" + theirCall).status()).isEqualTo(404);
        assertThat(user.get("/console/requests/99999999").status()).isEqualTo(404);
        assertThat(user.get("/console/requests/not-a-number").status()).isEqualTo(404);
        assertThat(user.get("/console/requests?clientId=" + theirs.clientId()).body())
                .doesNotContain("data-request=");
    }

    @Test
    void the_console_itself_is_not_in_the_log() {
        PageClient admin = ConsoleLogin.admin(server);
        admin.get("/console/requests").expectStatus(200);

        assertThat(admin.get("/console/requests").body()).doesNotContain("<code>/console");
    }
}
