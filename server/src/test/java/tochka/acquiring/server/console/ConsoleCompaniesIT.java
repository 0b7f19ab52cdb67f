package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** The companies pages over HTTP: the list, a company's page, the admin's add forms, their rules and who may see. */
class ConsoleCompaniesIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Pattern ADDED_MERCHANT = Pattern.compile("\\?added=(\\d{15})$");

    private final TestServer server = running.get();

    @Test
    void an_admin_adds_a_company_and_a_retailer_that_take_payments_through_the_api_at_once() {
        PageClient admin = ConsoleLogin.admin(server);
        String csrf =
                admin.get("/console/companies/new?lang=en").expectStatus(200).csrf();

        PageClient.Page added = admin.post(
                "/console/companies",
                "csrf",
                csrf,
                "type",
                "Business",
                "customerCode",
                "300000201",
                "fullName",
                "Limited Liability Company Vasilek",
                "shortName",
                "LLC Vasilek",
                "taxCode",
                "7701234570",
                "kpp",
                "770101001",
                "ogrn",
                "1027700000099",
                "resident",
                "1");
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        assertThat(added.location()).isEqualTo("/console/companies/300000201?added=300000201");

        PageClient.Page retailer = postRepeating(
                admin,
                "/console/companies/300000201/retailers",
                "csrf",
                csrf,
                "name",
                "Vasilek shop",
                "url",
                "https://vasilek.example",
                "mcc",
                "5999",
                "status",
                "REG",
                "merchantId",
                "",
                "mode",
                "card",
                "mode",
                "sbp",
                "ratePercent",
                "1,75",
                "active",
                "1");
        assertThat(retailer.status()).as(retailer.body()).isEqualTo(303);
        Matcher merchant = ADDED_MERCHANT.matcher(retailer.location());
        assertThat(merchant.find()).as(retailer.location()).isTrue();
        String merchantId = merchant.group(1);

        PageClient.Page page = admin.get("/console/companies/300000201?lang=en").expectStatus(200);
        assertThat(page.body())
                .contains("LLC Vasilek", "7701234570", "770101001", "1027700000099", merchantId, "Card, SBP", "1.75 %");
        assertThat(admin.get("/console/companies?lang=en").body()).contains("id=\"company-300000201\"", merchantId);

        String token = server.application()
                .keys()
                .issue("vasilek", Set.copyOf(Permission.ACQUIRING), Set.of("300000201"), null, false)
                .token();
        var link = server.api(token)
                .post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "300000201", "amount": 99.9, "purpose": "vase",
                          "paymentMode": ["sbp"]}}""")
                .expectStatus(200)
                .data();
        assertThat(link.get("merchantId").asText()).isEqualTo(merchantId);
    }

    /** Posts {@code fields} as a form with repeated names (two ticked checkboxes), which {@code post} folds. */
    private static PageClient.Page postRepeating(PageClient client, String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return client.postRaw(path, "application/x-www-form-urlencoded", body.toString());
    }

    @Test
    void a_wrong_company_form_comes_back_naming_each_field_and_adds_nothing() {
        PageClient admin = ConsoleLogin.admin(server);
        String csrf = admin.get("/console/companies/new?lang=en").csrf();

        PageClient.Page wrong = admin.post(
                "/console/companies",
                "csrf",
                csrf,
                "type",
                "Corporation",
                "customerCode",
                "123456789",
                "fullName",
                "",
                "taxCode",
                "77012",
                "kpp",
                "77010100",
                "ogrn",
                "12");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("id=\"form-problems\"")
                .contains("data-field=\"type\"", "data-field=\"customerCode\"", "data-field=\"fullName\"")
                .contains("data-field=\"taxCode\"", "data-field=\"kpp\"", "data-field=\"ogrn\"")
                .contains("value=\"123456789\"", "value=\"77012\"");
        assertThat(admin.get("/console/companies/123456789").status()).isEqualTo(404);

        PageClient.Page mismatched = admin.post(
                "/console/companies",
                "csrf",
                csrf,
                "type",
                "Business",
                "customerCode",
                "300000202",
                "fullName",
                "Sole trader Petrov",
                "taxCode",
                "770123456780",
                "kpp",
                "770101001",
                "ogrn",
                "1027700000099");
        assertThat(mismatched.status()).isEqualTo(400);
        assertThat(mismatched.body()).contains("only a legal entity", "OGRNIP of 15 digits");
        assertThat(admin.get("/console/companies/300000202").status()).isEqualTo(404);

        PageClient.Page duplicate = admin.post(
                "/console/companies",
                "csrf",
                csrf,
                "type",
                "Business",
                "customerCode",
                DemoData.BUSINESS_CODE,
                "fullName",
                "Another Romashka");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains(DemoData.BUSINESS_CODE + " is already a company");
        assertThat(admin.get("/console/companies/" + DemoData.BUSINESS_CODE).body())
                .doesNotContain("Another Romashka");
    }

    @Test
    void a_wrong_retailer_form_comes_back_naming_each_field_and_a_taken_merchant_id_is_refused() {
        PageClient admin = ConsoleLogin.admin(server);
        String csrf = admin.get("/console/companies/" + DemoData.BUSINESS_CODE + "/retailers/new?lang=en")
                .expectStatus(200)
                .csrf();
        String path = "/console/companies/" + DemoData.BUSINESS_CODE + "/retailers";

        PageClient.Page wrong = admin.post(
                path,
                "csrf",
                csrf,
                "name",
                " ",
                "url",
                "ftp://files.example",
                "mcc",
                "59",
                "status",
                "OPEN",
                "merchantId",
                "12345",
                "mode",
                "cash",
                "ratePercent",
                "100");
        PageClient.Page noModes =
                admin.post(path, "csrf", csrf, "name", "Shop", "mcc", "5999", "status", "REG", "ratePercent", "2.5abc");
        PageClient.Page taken = admin.post(
                path,
                "csrf",
                csrf,
                "name",
                "Twin",
                "mcc",
                "5999",
                "status",
                "REG",
                "merchantId",
                DemoData.MERCHANT_ID,
                "mode",
                "card",
                "ratePercent",
                "2");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("data-field=\"name\"", "data-field=\"url\"", "data-field=\"mcc\"", "data-field=\"status\"")
                .contains("data-field=\"merchantId\"", "data-field=\"paymentModes\"", "data-field=\"ratePercent\"");
        assertThat(noModes.status()).isEqualTo(400);
        assertThat(noModes.body()).contains("choose at least one way to pay", "decimal percentage");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains(DemoData.MERCHANT_ID + " is already a retailer");
        assertThat(admin.get("/console/companies/" + DemoData.BUSINESS_CODE).body())
                .doesNotContain("Twin");
    }

    @Test
    void a_company_user_sees_only_their_companies_and_no_add_forms() {
        String other = "300000203";
        PageClient admin = ConsoleLogin.admin(server);
        admin.post(
                        "/console/companies",
                        "csrf",
                        admin.get("/console/companies/new").csrf(),
                        "type",
                        "Business",
                        "customerCode",
                        other,
                        "fullName",
                        "Other company")
                .expectStatus(303);
        String login = ConsoleLogin.companyUser(server, "companies.user", server.customerCode());
        PageClient user = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);

        PageClient.Page list = user.get("/console/companies").expectStatus(200);
        assertThat(list.body())
                .contains("id=\"company-" + server.customerCode() + "\"", server.merchantId())
                .doesNotContain(other, DemoData.PERSONAL_CODE, "id=\"add-company\"");
        assertThat(user.get("/console/companies/" + server.customerCode()).body())
                .contains(server.merchantId())
                .doesNotContain("id=\"add-retailer\"");
        assertThat(user.get("/console/companies/" + other).status()).isEqualTo(404);
        assertThat(user.get("/console/companies/999999999").status()).isEqualTo(404);

        String csrf = list.csrf();
        assertThat(user.get("/console/companies/new").status()).isEqualTo(403);
        PageClient.Page addCompany = user.post(
                "/console/companies", "csrf", csrf, "type", "Business", "customerCode", "300000204", "fullName", "X");
        assertThat(addCompany.status()).isEqualTo(403);
        assertThat(admin.get("/console/companies/300000204").status()).isEqualTo(404);

        assertThat(user.get("/console/companies/" + server.customerCode() + "/retailers/new")
                        .status())
                .isEqualTo(403);
        assertThat(user.get("/console/companies/" + other + "/retailers/new").status())
                .isEqualTo(404);
        String[] retailer = {
            "csrf", csrf, "name", "Mine", "mcc", "5999", "status", "REG", "mode", "card", "ratePercent", "2"
        };
        assertThat(user.post("/console/companies/" + server.customerCode() + "/retailers", retailer)
                        .status())
                .isEqualTo(403);
        assertThat(user.post("/console/companies/" + other + "/retailers", retailer)
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/console/companies/" + other).body()).doesNotContain("Mine");
    }
}
