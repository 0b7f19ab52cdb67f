package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** The Developers page and its Postman downloads over HTTP: what they hold, and for whom. */
class DevelopersPageIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final String OTHER_CODE = "300000094";
    private static final String KEYLESS_CODE = "300000096";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IssuedKey ours;
    private static IssuedKey theirs;

    private final TestServer server = running.get();

    @BeforeAll
    static void a_key_of_the_demo_business_and_one_of_another_company() {
        TestServer server = running.get();
        new DirectoryService(server.application().database().transactions())
                .addCompany(new Company(
                        OTHER_CODE, CustomerType.Business, true, "ООО \"ЛЮТИК\"", null, null, null, null, false));
        new DirectoryService(server.application().database().transactions())
                .addCompany(new Company(
                        KEYLESS_CODE, CustomerType.Business, true, "ООО \"РОМАШКА\"", null, null, null, null, false));
        ours = server.application()
                .keys()
                .issue("ours", Set.copyOf(Permission.ACQUIRING), Set.of(DemoData.BUSINESS_CODE), null, false);
        theirs = server.application()
                .keys()
                .issue("theirs", Set.copyOf(Permission.ACQUIRING), Set.of(OTHER_CODE), null, false);
    }

    @Test
    void the_page_names_the_addresses_the_public_key_and_the_docs() {
        PageClient admin = ConsoleLogin.admin(server);

        String page = admin.get("/console/developers").expectStatus(200).body();

        assertThat(page)
                .contains(
                        "id=\"nav-developers\" class=\"active\"",
                        server.apiUrl(),
                        server.sandboxUrl(),
                        "sandbox.jwt.token",
                        server.url() + "/control/v1",
                        "href=\"/.well-known/jwks.json\"",
                        "href=\"/doc/openapi/static/keys/public\"",
                        "href=\"/docs\"",
                        "href=\"/openapi.json\"",
                        "id=\"download-collection\"",
                        "id=\"environment-form\"",
                        "<option value=\"" + server.clientId() + "\" selected>",
                        "value=\"" + ours.key().clientId() + "\"",
                        "value=\"" + theirs.key().clientId() + "\"");
        assertThat(page).doesNotContain(server.demoToken(), Config.TEST_ADMIN_TOKEN);
        assertThat(admin.get("/console/developers?lang=en").expectStatus(200).body())
                .contains("Developers", "Download the environment");
    }

    @Test
    void both_files_are_attachments_behind_the_session() {
        PageClient anonymous = new PageClient(server.url());
        for (String file : List.of(DevelopersSection.COLLECTION, DevelopersSection.ENVIRONMENT)) {
            PageClient.Page refused = anonymous.get(file).expectStatus(303);
            assertThat(refused.location()).startsWith("/console/login?next=");
        }
        PageClient admin = ConsoleLogin.admin(server);

        PageClient.Page collection = admin.get(DevelopersSection.COLLECTION).expectStatus(200);
        PageClient.Page environment = admin.get(DevelopersSection.ENVIRONMENT).expectStatus(200);

        assertThat(collection.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"tochka-acquiring.postman_collection.json\"");
        assertThat(environment.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"tochka-acquiring.postman_environment.json\"");
        assertThat(environment.header("Cache-Control")).isEqualTo("no-store");
        assertThat(environment.header("Content-Type")).startsWith("application/json");
        JsonNode info = json(collection).get("info");
        assertThat(info.get("schema").asText())
                .isEqualTo("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
        assertThat(requestNames(json(collection)))
                .containsExactly(
                        "Проверка всех разрешений",
                        "Список компаний",
                        "Список торговых точек",
                        "Создание ссылки на оплату",
                        "Оплата ссылки (тестовый сервер, control API)",
                        "Информация об операции",
                        "Возврат платежа",
                        "Информация об операции после возврата");
        assertThat(collection.body()).doesNotContain(server.demoToken(), Config.TEST_ADMIN_TOKEN);
    }

    @Test
    void an_admins_environment_holds_the_servers_urls_the_chosen_keys_token_and_the_admin_token() {
        PageClient admin = ConsoleLogin.admin(server);

        JsonNode standard = json(admin.get(DevelopersSection.ENVIRONMENT).expectStatus(200));
        JsonNode chosen = json(
                admin.get(DevelopersSection.ENVIRONMENT + "?key=" + theirs.key().clientId())
                        .expectStatus(200));

        assertThat(value(standard, "AS_URL")).isEqualTo(server.url());
        assertThat(value(standard, "RS_URL")).isEqualTo(server.apiUrl());
        assertThat(value(standard, "api_version")).isEqualTo("v1.0");
        assertThat(value(standard, "redirect_uri")).isEqualTo("http://localhost/");
        assertThat(value(standard, "accesstoken_hybrid"))
                .as("the demo key, the oldest")
                .isEqualTo(server.demoToken());
        assertThat(value(standard, "client_id")).isEqualTo(server.clientId());
        assertThat(value(standard, "admin_token")).isEqualTo(Config.TEST_ADMIN_TOKEN);
        assertThat(value(standard, "customerCode")).isEmpty();
        assertThat(value(chosen, "accesstoken_hybrid")).isEqualTo(theirs.token());
    }

    @Test
    void a_company_users_environment_holds_only_their_keys_and_never_the_admin_token() {
        String login = ConsoleLogin.companyUser(server, "dev.company", DemoData.BUSINESS_CODE);
        PageClient company = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);

        String page = company.get("/console/developers").expectStatus(200).body();
        JsonNode environment = json(company.get(DevelopersSection.ENVIRONMENT).expectStatus(200));
        PageClient.Page foreign = company.get(
                DevelopersSection.ENVIRONMENT + "?key=" + theirs.key().clientId());
        PageClient.Page demo = company.get(DevelopersSection.ENVIRONMENT + "?key=" + server.clientId());
        PageClient.Page unknown = company.get(DevelopersSection.ENVIRONMENT + "?key=" + "0".repeat(32));

        assertThat(page).contains("value=\"" + ours.key().clientId() + "\"", "id=\"admin-note\"");
        assertThat(page)
                .as("another company's key, and the demo key that spans a company the user has not")
                .doesNotContain(theirs.key().clientId(), server.clientId());
        assertThat(value(environment, "accesstoken_hybrid")).isEqualTo(ours.token());
        assertThat(value(environment, "admin_token")).isEmpty();
        assertThat(environment.toString()).doesNotContain(theirs.token(), server.demoToken(), Config.TEST_ADMIN_TOKEN);
        for (PageClient.Page refused : List.of(foreign, demo, unknown)) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(theirs.token(), server.demoToken(), Config.TEST_ADMIN_TOKEN);
        }
        assertThat(company.get("/console/developers?key=" + theirs.key().clientId())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_user_without_keys_is_sent_to_issue_one() {
        String login = ConsoleLogin.companyUser(server, "dev.keyless", KEYLESS_CODE);
        PageClient company = ConsoleLogin.signedIn(server, login, ConsoleLogin.PASSWORD);

        String page = company.get("/console/developers").expectStatus(200).body();
        JsonNode environment = json(company.get(DevelopersSection.ENVIRONMENT).expectStatus(200));

        assertThat(page).contains("id=\"no-keys\"", "href=\"/console/integrations\"");
        assertThat(value(environment, "accesstoken_hybrid")).isEmpty();
        assertThat(value(environment, "RS_URL")).isEqualTo(server.apiUrl());
    }

    static JsonNode json(PageClient.Page page) {
        try {
            return JSON.readTree(page.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An environment variable's value; fails when the environment has no such variable. */
    static String value(JsonNode environment, String key) {
        for (JsonNode variable : environment.get("values")) {
            if (variable.get("key").asText().equals(key))
                return variable.get("value").asText();
        }
        throw new AssertionError("no variable " + key + " in " + environment);
    }

    private static List<String> requestNames(JsonNode collection) {
        List<String> names = new ArrayList<>();
        for (JsonNode folder : collection.get("item")) {
            for (JsonNode request : folder.get("item"))
                names.add(request.get("name").asText());
        }
        return names;
    }
}
