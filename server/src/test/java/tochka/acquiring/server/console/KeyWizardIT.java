package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.keys.KeyAccess;
import tochka.acquiring.server.keys.Keys;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The "Integrations and API" key wizard over HTTP, without JavaScript: name, companies and accesses, term and
 * consents, the SMS code from the development phone; the key's token on the API; wrong, exhausted and expired
 * codes; revocation and re-issue; and what a company user may see and do.
 */
class KeyWizardIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final Pattern CODE = Pattern.compile("»: ([0-9]{6})\\.");
    private static final Pattern TOKEN = Pattern.compile("id=\"key-token\">([^<]+)<");
    private static final Pattern KEY_PAGE = Pattern.compile("/console/integrations/keys/([0-9a-z]+)\\?issued");
    private static final String CUSTOMERS = "/open-banking/v1.0/customers";

    private final TestServer server = running.get();

    @Test
    void the_wizard_issues_a_key_whose_token_works_at_once() {
        PageClient admin = ConsoleLogin.admin(server);

        PageClient.Page list = admin.get("/console/integrations").expectStatus(200);
        assertThat(list.body()).contains("Подключённые приложения", "API Точки и ваши приложения", "id=\"connect\"");
        PageClient.Page choice = admin.get("/console/integrations/connect").expectStatus(200);
        assertThat(choice.body())
                .contains("Сгенерировать JWT-ключ", "Зарегистрировать OAuth 2.0 приложение", "Получить помощь");
        assertThat(admin.get("/console/integrations/oauth").expectStatus(200).body())
                .contains("id=\"oauth-coming\"");
        assertThat(admin.get("/console/integrations/help").expectStatus(200).body())
                .contains("href=\"/console/developers\"");

        String request = start(admin, "Эквайринг");
        PageClient.Page access = admin.get(request + "/access").expectStatus(200);
        // The guide's eight accesses, in its order, all ticked.
        List<Integer> positions = new ArrayList<>();
        for (KeyAccess each : KeyAccess.values()) {
            assertThat(access.body()).contains("name=\"access-" + each.name() + "\" checked");
            positions.add(access.body().indexOf("access-" + each.name()));
        }
        assertThat(positions).isSorted();
        assertThat(access.body()).contains("Проверка остатка по спецсчёту", "Просмотр реквизитов", "Создание платежей");
        String clientId = finish(admin, request, server.customerCode(), "until", nextYear());

        PageClient.Page key =
                admin.get("/console/integrations/keys/" + clientId).expectStatus(200);
        assertThat(key.body())
                .contains(
                        "Эквайринг",
                        "Сегодня",
                        "JWT-ключ",
                        "Client_ID",
                        clientId,
                        "До ",
                        "Создание ссылки на оплату картой и через СБП",
                        "Получение выписок");
        String token = token(key);
        assertThat(server.api(token).get(CUSTOMERS).status()).isEqualTo(200);
        assertThat(server.application().keys().find(clientId).orElseThrow().permissions())
                .containsAll(Permission.ACQUIRING)
                .contains(Permission.ReadBalances, Permission.ManageGuarantee);
        PageClient.Page listed = admin.get("/console/integrations").expectStatus(200);
        assertThat(listed.body()).contains("id=\"key-" + clientId + "\"", "Создан сегодня");
        assertThat(admin.get("/console/integrations?lang=en").body())
                .contains("Tochka API and your applications", "Created today");
        // The finished request cannot be confirmed again.
        assertThat(admin.get(request + "/code").location()).isEqualTo("/console/integrations/keys/" + clientId);
    }

    @Test
    void three_wrong_codes_void_the_request_and_the_right_one_then_does_nothing() {
        PageClient admin = ConsoleLogin.admin(server);
        String request = start(admin, "Три попытки");
        choose(admin, request, server.customerCode()).expectStatus(303);
        terms(admin, request, "unlimited", "").expectStatus(303);
        String code = lastCode(admin);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(confirm(admin, request, wrong).expectStatus(400).body()).contains("Осталось попыток: 2");
        assertThat(confirm(admin, request, "12ab").expectStatus(400).body())
                .as("not a code: no attempt spent")
                .contains("6 цифр");
        assertThat(confirm(admin, request, wrong).expectStatus(400).body()).contains("Осталось попыток: 1");
        assertThat(confirm(admin, request, wrong).expectStatus(400).body()).contains("id=\"keys-void\"");

        PageClient.Page right = confirm(admin, request, code);
        assertThat(right.status()).isEqualTo(400);
        assertThat(right.body()).contains("аннулирован");
        assertThat(admin.post(request + "/resend", "csrf", csrf(admin)).status())
                .isEqualTo(400);
        assertThat(admin.get(request + "/access").location()).isEqualTo(request + "/code");
        assertThat(server.application().keys().list())
                .noneMatch(key -> key.name().equals("Три попытки"));
    }

    @Test
    void an_expired_code_is_refused_and_a_new_one_works() {
        PageClient admin = ConsoleLogin.admin(server);
        String request = start(admin, "Поздний код");
        choose(admin, request, server.customerCode()).expectStatus(303);
        terms(admin, request, "unlimited", "").expectStatus(303);
        String stale = lastCode(admin);

        server.advanceClock(6);
        assertThat(confirm(admin, request, stale).expectStatus(400).body()).contains("истёк");

        admin.post(request + "/resend", "csrf", csrf(admin)).expectStatus(303);
        String fresh = lastCode(admin);
        if (!fresh.equals(stale)) {
            assertThat(confirm(admin, request, stale).expectStatus(400).body()).contains("Неверный код");
        }
        PageClient.Page issued = confirm(admin, request, fresh).expectStatus(303);
        Matcher clientId = KEY_PAGE.matcher(issued.location());
        assertThat(clientId.find()).as(issued.location()).isTrue();
        String token = token(admin.get("/console/integrations/keys/" + clientId.group(1)));
        assertThat(server.api(token).get(CUSTOMERS).status()).isEqualTo(200);
    }

    @Test
    void the_required_accesses_the_companies_the_consents_and_the_term_are_enforced() {
        PageClient admin = ConsoleLogin.admin(server);
        assertThat(admin.post("/console/integrations/jwt", "csrf", csrf(admin), "name", "  ")
                        .expectStatus(400)
                        .body())
                .contains("id=\"keys-error\"");
        String request = start(admin, "Без галочек");
        String csrf = csrf(admin);

        PageClient.Page noDetails = admin.post(
                request + "/access",
                "csrf",
                csrf,
                "company-" + server.customerCode(),
                "on",
                "access-" + KeyAccess.PAYMENT_LINKS.name(),
                "on");
        assertThat(noDetails.expectStatus(400).body()).contains("Без доступа «Просмотр реквизитов» ключ не создать");
        PageClient.Page noLinks = admin.post(
                request + "/access",
                "csrf",
                csrf,
                "company-" + server.customerCode(),
                "on",
                "access-" + KeyAccess.ACCOUNT_DETAILS.name(),
                "on");
        assertThat(noLinks.expectStatus(400).body()).contains("Создание ссылки на оплату картой и через СБП");
        PageClient.Page noCompany = admin.post(
                request + "/access",
                "csrf",
                csrf,
                "access-" + KeyAccess.ACCOUNT_DETAILS.name(),
                "on",
                "access-" + KeyAccess.PAYMENT_LINKS.name(),
                "on");
        assertThat(noCompany.expectStatus(400).body()).contains("Выберите хотя бы одну компанию");
        assertThat(admin.get(request + "/terms").location())
                .as("nothing chosen yet")
                .isEqualTo(request + "/access");

        choose(admin, request, server.customerCode()).expectStatus(303);
        assertThat(admin.post(request + "/terms", "csrf", csrf, "term", "unlimited")
                        .expectStatus(400)
                        .body())
                .contains("персональных данных", "оферт");
        assertThat(admin.post(request + "/terms", "csrf", csrf, "term", "unlimited", "consent-personal-data", "on")
                        .expectStatus(400)
                        .body())
                .contains("оферт");
        assertThat(terms(admin, request, "until", "2001-01-01")
                        .expectStatus(400)
                        .body())
                .contains("id=\"keys-error\"");
        assertThat(terms(admin, request, "until", "2999-01-01")
                        .expectStatus(400)
                        .body())
                .contains("id=\"keys-error\"");
        assertThat(terms(admin, request, "until", "not-a-date")
                        .expectStatus(400)
                        .body())
                .contains("ГГГГ-ММ-ДД");
        assertThat(admin.get(request + "/code").location())
                .as("no code was sent")
                .isEqualTo(request + "/terms");
    }

    @Test
    void revoking_a_key_makes_the_api_answer_403_at_once() {
        PageClient admin = ConsoleLogin.admin(server);
        String clientId = finish(admin, start(admin, "На отзыв"), server.customerCode(), "unlimited", "");
        String token = token(admin.get("/console/integrations/keys/" + clientId));
        assertThat(server.api(token).get(CUSTOMERS).status()).isEqualTo(200);

        PageClient.Page confirmPage =
                admin.get("/console/integrations/keys/" + clientId + "/revoke").expectStatus(200);
        assertThat(confirmPage.body()).contains("id=\"revoke-confirm\"");
        admin.post("/console/integrations/keys/" + clientId + "/revoke", "csrf", confirmPage.csrf())
                .expectStatus(303);

        assertThat(server.api(token).get(CUSTOMERS).status()).isEqualTo(403);
        PageClient.Page page =
                admin.get("/console/integrations/keys/" + clientId).expectStatus(200);
        assertThat(page.body()).contains("Отозван").doesNotContain("id=\"key-token\"", "id=\"reissue\"");
        assertThat(admin.get("/console/integrations").body()).contains("Отозван");
    }

    @Test
    void re_issuing_a_key_gives_a_new_token_and_client_id_and_retires_the_old_one() {
        PageClient admin = ConsoleLogin.admin(server);
        String oldId = finish(admin, start(admin, "Перевыпуск"), server.customerCode(), "unlimited", "");
        String oldToken = token(admin.get("/console/integrations/keys/" + oldId));

        PageClient.Page reissue = admin.post("/console/integrations/keys/" + oldId + "/reissue", "csrf", csrf(admin));
        assertThat(reissue.status()).isEqualTo(303);
        String request = reissue.location().replace("/access", "");
        assertThat(admin.get(request + "/access").body()).contains("id=\"keys-reissue\"");
        // The old key still works until the code is confirmed.
        assertThat(server.api(oldToken).get(CUSTOMERS).status()).isEqualTo(200);
        admin.post(
                        request + "/access",
                        "csrf",
                        csrf(admin),
                        "company-" + server.customerCode(),
                        "on",
                        "access-" + KeyAccess.ACCOUNT_DETAILS.name(),
                        "on",
                        "access-" + KeyAccess.PAYMENT_LINKS.name(),
                        "on")
                .expectStatus(303);
        terms(admin, request, "until", nextYear()).expectStatus(303);
        PageClient.Page issued = confirm(admin, request, lastCode(admin)).expectStatus(303);
        Matcher newId = KEY_PAGE.matcher(issued.location());
        assertThat(newId.find()).isTrue();
        PageClient.Page page = admin.get("/console/integrations/keys/" + newId.group(1));
        String newToken = token(page);

        assertThat(newId.group(1)).isNotEqualTo(oldId);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(page.body()).contains("Перевыпуск", "До ").doesNotContain("Получение выписок");
        assertThat(server.api(oldToken).get(CUSTOMERS).status()).isEqualTo(403);
        assertThat(server.api(newToken).get(CUSTOMERS).status()).isEqualTo(200);
        assertThat(admin.get("/console/integrations/keys/" + oldId).body()).contains("Отозван");
    }

    @Test
    void a_company_user_sees_and_acts_only_on_keys_of_their_companies() {
        String otherCode = "300000511";
        new DirectoryService(server.application().database().transactions())
                .addCompany(new Company(
                        otherCode, CustomerType.Business, true, "ООО \"ЧУЖАЯ\"", "ЧУЖАЯ", null, null, null, false));
        Keys keys = server.application().keys();
        Keys.IssuedKey foreign = keys.issue("Чужой", Set.copyOf(Permission.ACQUIRING), Set.of(otherCode), null, false);
        Keys.IssuedKey mixed = keys.issue(
                "Общий", Set.copyOf(Permission.ACQUIRING), Set.of(otherCode, server.customerCode()), null, false);
        String login = ConsoleLogin.companyUser(server, "keys.company.user", server.customerCode());
        PageClient user = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);
        PageClient admin = ConsoleLogin.admin(server);
        String csrf = csrf(user);

        // Their own key, through the wizard: only their company is offered.
        String request = start(user, "Свой ключ");
        PageClient.Page access = user.get(request + "/access").expectStatus(200);
        assertThat(access.body()).contains("company-" + server.customerCode()).doesNotContain(otherCode);
        assertThat(user.post(
                                request + "/access",
                                "csrf",
                                csrf,
                                "company-" + otherCode,
                                "on",
                                "access-" + KeyAccess.ACCOUNT_DETAILS.name(),
                                "on",
                                "access-" + KeyAccess.PAYMENT_LINKS.name(),
                                "on")
                        .status())
                .as("another company's code, posted")
                .isEqualTo(404);
        String own = finish(user, request, server.customerCode(), "unlimited", "");

        PageClient.Page list = user.get("/console/integrations").expectStatus(200);
        assertThat(list.body())
                .contains("id=\"key-" + own + "\"")
                .doesNotContain(foreign.key().clientId(), mixed.key().clientId(), "Чужой");
        for (String clientId : List.of(foreign.key().clientId(), mixed.key().clientId(), "0123456789abcdef")) {
            String path = "/console/integrations/keys/" + clientId;
            assertThat(user.get(path).status()).as(path).isEqualTo(404);
            assertThat(user.get(path + "/revoke").status()).as(path).isEqualTo(404);
            assertThat(user.post(path + "/revoke", "csrf", csrf).status())
                    .as(path)
                    .isEqualTo(404);
            assertThat(user.post(path + "/reissue", "csrf", csrf).status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(server.api(foreign.token()).get(CUSTOMERS).status())
                .as("still active")
                .isEqualTo(200);
        assertThat(admin.get("/console/integrations").body())
                .contains(foreign.key().clientId(), own);

        // Another user's request, even an admin's, is not found to them, page or form.
        String adminRequest = start(admin, "Запрос админа");
        choose(admin, adminRequest, server.customerCode()).expectStatus(303);
        for (String step : List.of("/access", "/terms", "/code")) {
            assertThat(user.get(adminRequest + step).status()).as(step).isEqualTo(404);
        }
        assertThat(user.post(adminRequest + "/terms", "csrf", csrf, "term", "unlimited")
                        .status())
                .isEqualTo(404);
        assertThat(user.post(adminRequest + "/code", "csrf", csrf, "code", "123456")
                        .status())
                .isEqualTo(404);
        assertThat(user.post(adminRequest + "/resend", "csrf", csrf).status()).isEqualTo(404);
        assertThat(admin.get(adminRequest + "/access").status()).isEqualTo(200);
    }

    // ---- the wizard's steps ------------------------------------------------------------------------------------

    /** Starts a request named {@code name}; returns its path, e.g. {@code /console/integrations/requests/<id>}. */
    private static String start(PageClient client, String name) {
        String csrf = client.get("/console/integrations/jwt").expectStatus(200).csrf();
        PageClient.Page started = client.post("/console/integrations/jwt", "csrf", csrf, "name", name);
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        assertThat(started.location()).endsWith("/access");
        return started.location().substring(0, started.location().length() - "/access".length());
    }

    /** Chooses {@code customerCode} and every access. */
    private static PageClient.Page choose(PageClient client, String request, String customerCode) {
        List<String> fields = new ArrayList<>(List.of("csrf", csrf(client), "company-" + customerCode, "on"));
        for (KeyAccess access : KeyAccess.values()) {
            fields.add("access-" + access.name());
            fields.add("on");
        }
        return client.post(request + "/access", fields.toArray(String[]::new));
    }

    private static PageClient.Page terms(PageClient client, String request, String term, String until) {
        return client.post(
                request + "/terms",
                "csrf",
                csrf(client),
                "term",
                term,
                "until",
                until,
                "consent-personal-data",
                "on",
                "consent-offer",
                "on");
    }

    private static PageClient.Page confirm(PageClient client, String request, String code) {
        return client.post(request + "/code", "csrf", csrf(client), "code", code);
    }

    /** Runs the rest of the wizard with every access; returns the new key's client_id. */
    private static String finish(PageClient client, String request, String customerCode, String term, String until) {
        choose(client, request, customerCode).expectStatus(303);
        PageClient.Page submitted = terms(client, request, term, until).expectStatus(303);
        assertThat(submitted.location()).isEqualTo(request + "/code");
        assertThat(client.get(request + "/code").expectStatus(200).body()).contains("id=\"code-form\"");
        PageClient.Page issued = confirm(client, request, lastCode(client));
        assertThat(issued.status()).as(issued.body()).isEqualTo(303);
        Matcher clientId = KEY_PAGE.matcher(issued.location());
        assertThat(clientId.find()).as(issued.location()).isTrue();
        return clientId.group(1);
    }

    /** The latest code on the development phone of the signed-in user. */
    private static String lastCode(PageClient client) {
        PageClient.Page phone = client.get("/console/phone").expectStatus(200);
        Matcher code = CODE.matcher(phone.body());
        assertThat(code.find()).as(phone.body()).isTrue();
        return code.group(1);
    }

    private static String token(PageClient.Page keyPage) {
        Matcher token = TOKEN.matcher(keyPage.body());
        assertThat(token.find()).as(keyPage.body()).isTrue();
        return token.group(1);
    }

    private static String csrf(PageClient client) {
        return client.get("/console/integrations").expectStatus(200).csrf();
    }

    private static String nextYear() {
        return java.time.LocalDate.now(tochka.acquiring.server.core.BankTime.ZONE)
                .plusYears(1)
                .toString();
    }
}
