package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The home page over HTTP: its numbers against payments made through the API and paid and refunded here, the chart
 * with a bar per day, and which companies' numbers a user sees.
 */
class ConsoleHomeIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    /** A company of this test alone, so that its numbers are exactly the payments made below. */
    private static final String CODE = "300000301";

    private static final String MERCHANT = "200000000030101";
    private static final Pattern BAR = Pattern.compile("<g class=\"bar-day\" data-date=\"[0-9-]{10}\">");

    private static final List<String> operations = new java.util.ArrayList<>();

    private final TestServer server = running.get();

    @BeforeAll
    static void a_company_with_paid_unpaid_and_refunded_payments() {
        TestServer server = running.get();
        DirectoryService directory =
                new DirectoryService(server.application().database().transactions());
        directory.addCompany(new Company(
                CODE, CustomerType.Business, true, "Home test company", "Home test", null, null, null, false));
        directory.addRetailer(new Retailer(
                MERCHANT,
                CODE,
                "Home shop",
                null,
                "5999",
                new BigDecimal("2.5"),
                null,
                RetailerStatus.REG,
                true,
                List.of(PaymentMode.CARD, PaymentMode.SBP, PaymentMode.TINKOFF),
                null));
        String token = server.application()
                .keys()
                .issue("home", Set.copyOf(Permission.ACQUIRING), Set.of(CODE), null, false)
                .token();
        ApiClient api = server.api(token);
        String card = link(api, "100.50");
        server.control().pay(card, "card");
        String sbp = link(api, "200.25");
        server.control().pay(sbp, "sbp");
        String refunded = link(api, "50");
        server.control().pay(refunded, "tinkoff");
        api.post("/acquiring/v1.0/payments/" + refunded + "/refund", "{\"Data\": {\"amount\": 20.10}}")
                .expectStatus(200);
        String unpaid = link(api, "10");
        operations.addAll(List.of(card, sbp, refunded, unpaid));
    }

    private static String link(ApiClient api, String amount) {
        return api.post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": %s, "purpose": "home test",
                          "paymentMode": ["card", "sbp", "tinkoff"]}}""".formatted(CODE, amount))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
    }

    @Test
    void the_home_page_totals_today_exactly_and_draws_a_bar_per_day() {
        PageClient admin = ConsoleLogin.admin(server);

        String page = admin.get("/console?company=" + CODE + "&lang=en")
                .expectStatus(200)
                .body();

        assertThat(text(page, "paid-sum")).isEqualTo("350.75 RUB");
        assertThat(text(page, "paid-count")).isEqualTo("payments: 3");
        assertThat(text(page, "refund-sum")).isEqualTo("20.10 RUB");
        assertThat(text(page, "refund-count")).isEqualTo("refunds: 1");
        // 2.5 % of each payment, rounded half-up per payment as the registry does: 2.51 + 5.01 + 1.25.
        assertThat(text(page, "payout-net")).isEqualTo("341.98 RUB");
        assertThat(text(page, "payout-detail")).isEqualTo("turnover 350.75 RUB, bank commission 8.77 RUB");
        assertThat(text(page, "period-sum")).isEqualTo("350.75 RUB");
        assertThat(page).contains("Card: <span class=\"legend-sum\">100.50 RUB</span>");
        assertThat(page).contains("SBP: <span class=\"legend-sum\">200.25 RUB</span>");
        assertThat(page).contains("T-Pay: <span class=\"legend-sum\">50.00 RUB</span>");
        assertThat(page).contains("Dolyame: <span class=\"legend-sum\">0.00 RUB</span>");

        assertThat(page).contains("<svg class=\"chart\" id=\"turnover-chart\"");
        assertThat(BAR.matcher(page).results().count()).isEqualTo(30);
        assertThat(page).contains("class=\"m-card\"", "class=\"m-sbp\"", "class=\"m-tinkoff\"");
        assertThat(page).doesNotContain("style=");

        for (String operationId : operations) {
            assertThat(page).contains("href=\"/console/payments/" + operationId + "\"");
        }
        assertThat(page).contains("Awaiting payment", "Partly refunded");
    }

    @Test
    void a_company_user_sees_only_their_companies_numbers_and_chooses_none_of_another() {
        String login = ConsoleLogin.companyUser(server, "home.user", CODE);
        PageClient user = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);
        server.paidCardLink("777"); // the demo company's, which this user does not see

        String own = user.get("/console?lang=en").expectStatus(200).body();

        assertThat(text(own, "paid-sum")).isEqualTo("350.75 RUB");
        assertThat(own).doesNotContain("id=\"company-chooser\"", "777.00");
        assertThat(user.get("/console?company=" + server.customerCode()).status())
                .isEqualTo(404);
        assertThat(user.get("/console?company=999999999").status()).isEqualTo(404);
        assertThat(user.get("/console?company=" + "3".repeat(5000)).status()).isEqualTo(404);
    }

    @Test
    void an_admin_sees_every_company_and_narrows_the_page_to_one() {
        PageClient admin = ConsoleLogin.admin(server);

        String all = admin.get("/console?lang=en").expectStatus(200).body();
        String demo = admin.get("/console?company=" + server.customerCode() + "&lang=en")
                .expectStatus(200)
                .body();

        assertThat(all).contains("id=\"company-chooser\"", "value=\"" + CODE + "\"", server.customerCode());
        assertThat(all).contains(operations.get(0));
        assertThat(demo).doesNotContain("/console/payments/" + operations.get(0));
        assertThat(admin.get("/console?company=999999999").status()).isEqualTo(404);
    }

    /** The text of the element with {@code id}, tags and surrounding spaces removed. */
    private static String text(String page, String id) {
        Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</div>", Pattern.DOTALL)
                .matcher(page);
        assertThat(element.find()).as("element %s in %s", id, page).isTrue();
        return element.group(1).replaceAll("<[^>]+>", "").strip();
    }
}
