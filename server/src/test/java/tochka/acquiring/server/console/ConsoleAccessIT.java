package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.users.Users;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** Who may open the console: sessions, the anti-CSRF tokens, the lock-out and signing out, over HTTP. */
class ConsoleAccessIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();

    @Test
    void nothing_of_the_console_answers_without_a_session() {
        PageClient anonymous = new PageClient(server.url());

        PageClient.Page home = anonymous.get("/console?lang=en").expectStatus(303);
        assertThat(home.location()).isEqualTo("/console/login?next=%2Fconsole%3Flang%3Den");
        assertThat(anonymous.get("/console/password").location()).startsWith("/console/login");

        PageClient.Page form = anonymous.post("/console/password", "csrf", "00", "current", "x", "password", "y");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("session has ended");
        // A made-up session cookie is no session.
        PageClient forged = new PageClient(server.url());
        assertThat(forged.getWithCookie("/console", "tochka_session=" + "a".repeat(64))
                        .status())
                .isEqualTo(303);
    }

    @Test
    void every_page_and_form_of_every_section_needs_a_session() {
        String operationId = server.paidCardLink("10.00");
        String key = server.clientId();
        String company = server.customerCode();
        PageClient anonymous = new PageClient(server.url());

        for (String page : new String[] {
            "/console",
            "/console/payments",
            "/console/payments/changes",
            "/console/payments/" + operationId,
            "/console/payments/" + operationId + "/state",
            "/console/integrations",
            "/console/integrations/connect",
            "/console/integrations/jwt",
            "/console/integrations/keys/" + key,
            "/console/integrations/keys/" + key + "/revoke",
            "/console/phone",
            "/console/companies",
            "/console/companies/new",
            "/console/companies/" + company,
            "/console/webhooks",
            "/console/requests",
            "/console/developers",
            "/console/developers/postman/collection.json",
            "/console/developers/postman/environment.json?key=" + key,
            "/console/password"
        }) {
            PageClient.Page answer = anonymous.get(page);
            assertThat(answer.status()).as("GET %s", page).isEqualTo(303);
            assertThat(answer.location()).as("GET %s", page).startsWith("/console/login?next=");
            assertThat(answer.body()).as("GET %s", page).doesNotContain(operationId, company);
        }
        for (String form : new String[] {
            "/console/payments/" + operationId + "/refund",
            "/console/payments/" + operationId + "/capture",
            "/console/payments/" + operationId + "/pay",
            "/console/integrations/jwt",
            "/console/integrations/keys/" + key + "/revoke",
            "/console/integrations/keys/" + key + "/reissue",
            "/console/companies",
            "/console/companies/" + company + "/retailers",
            "/console/webhooks/events/" + operationId + "/resend",
            "/console/logout"
        }) {
            assertThat(anonymous.post(form, "amount", "10").status())
                    .as("POST %s", form)
                    .isEqualTo(403);
        }
        assertThat(server.api()
                        .get("/acquiring/v1.0/payments/" + operationId)
                        .expectStatus(200)
                        .data()
                        .toString())
                .as("nothing was refunded")
                .contains("APPROVED")
                .doesNotContain("REFUNDED");
    }

    @Test
    void a_signed_in_admin_sees_the_console_and_signing_out_ends_the_session() {
        PageClient admin = ConsoleLogin.admin(server);

        PageClient.Page home = admin.get("/console").expectStatus(200);
        assertThat(home.body()).contains("id=\"who\"", "admin", "id=\"nav-integrations\"");
        assertThat(home.header("Cache-Control")).isEqualTo("no-store");
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'none'", "form-action 'self'");
        String cookie = admin.cookieHeader();
        assertThat(cookie).contains("tochka_session=");

        admin.post("/console/logout", "csrf", home.csrf()).expectStatus(303);
        assertThat(admin.get("/console").status()).isEqualTo(303);
        // The old cookie, replayed, is refused too: the session ended on the server, not only in the browser.
        PageClient replay = new PageClient(server.url());
        assertThat(replay.getWithCookie("/console", cookie).status()).isEqualTo(303);
    }

    @Test
    void a_form_without_the_sessions_csrf_token_is_refused_and_changes_nothing() {
        PageClient admin = ConsoleLogin.admin(server);

        PageClient.Page missing = admin.post("/console/logout");
        PageClient.Page wrong = admin.post("/console/logout", "csrf", "0".repeat(64));

        assertThat(missing.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).contains("CSRF");
        assertThat(admin.get("/console").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void the_sign_in_form_needs_its_own_cookie_and_sends_only_to_console_pages() {
        PageClient client = new PageClient(server.url());
        String csrf = client.get("/console/login").csrf();
        PageClient other = new PageClient(server.url());

        PageClient.Page forged =
                other.post("/console/login", "csrf", csrf, "login", "admin", "password", Config.TEST_CONSOLE_PASSWORD);
        PageClient.Page offsite = client.post(
                "/console/login",
                "csrf",
                csrf,
                "next",
                "//evil.example/console",
                "login",
                "admin",
                "password",
                Config.TEST_CONSOLE_PASSWORD);

        assertThat(forged.status()).as("a sign-in posted from another page").isEqualTo(403);
        assertThat(offsite.status()).isEqualTo(303);
        assertThat(offsite.location()).isEqualTo("/console");
    }

    @Test
    void five_wrong_passwords_lock_the_user_even_against_the_right_one() {
        String login = ConsoleLogin.companyUser(server, "locked.user", server.customerCode());
        PageClient client = new PageClient(server.url());

        for (int attempt = 1; attempt < Users.MAX_FAILED_SIGN_INS; attempt++) {
            PageClient.Page wrong = signIn(client, login, "wrong-password-" + attempt);
            assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(401);
            assertThat(wrong.body()).contains("id=\"login-error\"");
        }
        PageClient.Page fifth = signIn(client, login, "wrong-password-5");
        PageClient.Page right = signIn(client, login, ConsoleLogin.PASSWORD);

        assertThat(fifth.status()).isEqualTo(429);
        assertThat(right.status()).as("locked, whatever the password").isEqualTo(429);
        assertThat(right.body()).contains("id=\"login-error\"");

        server.application().users().unlock(login);
        assertThat(signIn(client, login, ConsoleLogin.PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void an_unknown_login_reads_as_a_wrong_password() {
        PageClient client = new PageClient(server.url());

        PageClient.Page unknown = signIn(client, "nobody-here", "some-password");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).contains("Неверный логин или пароль");
    }

    @Test
    void a_generated_one_time_password_must_be_changed_first() {
        try (TestServer fresh = TestServer.start(Config.forTests(TestServer.tempDir(), null).toBuilder()
                .consolePassword(null)
                .build())) {
            String oneTime = String.valueOf(fresh.info().consolePassword());
            assertThat(oneTime).hasSizeGreaterThanOrEqualTo(Users.MIN_PASSWORD).isNotEqualTo("null");
            PageClient admin = ConsoleLogin.signedIn(fresh, "admin", oneTime);

            PageClient.Page home = admin.get("/console");
            assertThat(home.status()).isEqualTo(303);
            assertThat(home.location()).isEqualTo("/console/password");
            PageClient.Page form = admin.get("/console/password").expectStatus(200);
            assertThat(form.body()).contains("id=\"password-forced\"");

            admin.post(
                            "/console/password",
                            "csrf",
                            form.csrf(),
                            "current",
                            oneTime,
                            "password",
                            "my-own-password",
                            "repeat",
                            "my-own-password")
                    .expectStatus(303);
            assertThat(admin.get("/console").status()).isEqualTo(200);
            assertThat(signIn(new PageClient(fresh.url()), "admin", oneTime).status())
                    .as("the one-time password is spent")
                    .isEqualTo(401);
        }
    }

    private static PageClient.Page signIn(PageClient client, String login, String password) {
        String csrf = client.get("/console/login").csrf();
        return client.post("/console/login", "csrf", csrf, "login", login, "password", password);
    }
}
