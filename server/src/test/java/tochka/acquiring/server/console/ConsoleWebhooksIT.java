package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.testing.ConsoleLogin;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.webhooks.WebhookPolicy;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/** The console's webhooks: subscriptions, the delivery log with attempts and codes, resend, and who sees what. */
class ConsoleWebhooksIT {

    /** Three attempts 200 ms apart: an event fails for good in well under a second. */
    static final WebhookPolicy THREE_ATTEMPTS =
            new WebhookPolicy(3, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), List.of());

    @RegisterExtension
    static final ServerExtension running = new ServerExtension(() -> TestServer.start(
            Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl()).withWebhooks(THREE_ATTEMPTS)));

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final Pattern EVENT_ROW = Pattern.compile("data-event=\"([0-9a-f-]+)\" data-status=\"(\\w+)\"");

    private final TestServer server = running.get();
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stop_receiver() {
        receiver.close();
    }

    /** A new key with its own client_id, named {@code name}, of {@code customerCode} only. */
    private ApiClient newKey(String name, String customerCode) {
        return server.api(server.application()
                .keys()
                .issue(name, Set.copyOf(Permission.ACQUIRING), Set.of(customerCode), null, false)
                .token());
    }

    static String clientIdOf(ApiClient api) {
        return api.get("/consent/v1.0/consents")
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0)
                .get("clientId")
                .asText();
    }

    private void subscribe(ApiClient api, String clientId) {
        api.send(
                        "PUT",
                        "/webhook/v1.0/" + clientId,
                        "{\"webhooksList\": [\"acquiringInternetPayment\"], \"url\": \"" + receiver.url() + "\"}")
                .expectStatus(200);
        receiver.clear();
    }

    private void testSend(ApiClient api, String clientId) {
        api.post("/webhook/v1.0/" + clientId + "/test_send", "{\"webhookType\": \"acquiringInternetPayment\"}")
                .expectStatus(200);
    }

    /** The client's newest event on the delivery log, once {@code status} holds: its id. */
    private static String awaitEvent(PageClient client, String clientId, String status) {
        String[] found = new String[1];
        awaitPage(client, "/console/webhooks?clientId=" + clientId, page -> {
            Matcher row = EVENT_ROW.matcher(page);
            if (!row.find() || !row.group(2).equals(status)) return false;
            found[0] = row.group(1);
            return true;
        });
        return found[0];
    }

    /** Polls the page until its body satisfies {@code condition}, 50 ms apart, at most {@link #DEADLINE}. */
    static String awaitPage(PageClient client, String path, Predicate<String> condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            String body = client.get(path).expectStatus(200).body();
            if (condition.test(body)) return body;
            assertThat(System.nanoTime())
                    .as("%s in time; last:%n%s", path, body)
                    .isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void a_subscription_made_through_the_api_shows_with_its_keys_name() {
        ApiClient api = newKey("Магазин носков", DemoData.BUSINESS_CODE);
        String clientId = clientIdOf(api);
        subscribe(api, clientId);

        String page = ConsoleLogin.admin(server)
                .get("/console/webhooks")
                .expectStatus(200)
                .body();

        assertThat(page)
                .contains(
                        "data-client=\"" + clientId + "\"",
                        "Магазин носков",
                        receiver.url(),
                        "acquiringInternetPayment");
        String english =
                ConsoleLogin.admin(server).get("/console/webhooks?lang=en").body();
        assertThat(english).contains("Subscriptions", "Delivery log");
    }

    @Test
    void a_payments_page_shows_its_webhook_and_the_calls_that_touched_it() {
        ApiClient api = newKey("payment page", DemoData.BUSINESS_CODE);
        String clientId = clientIdOf(api);
        subscribe(api, clientId);
        String operationId = api.post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 12.30, "purpose": "p", "paymentMode": ["card"]}}
                        """.formatted(DemoData.BUSINESS_CODE))
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        server.control().pay(operationId);
        PageClient admin = ConsoleLogin.admin(server);

        String page = awaitPage(
                admin, "/console/payments/" + operationId, body -> body.contains("data-status=\"DELIVERED\""));

        assertThat(page)
                .contains("id=\"deliveries-table\"", "acquiringInternetPayment", "id=\"requests-table\"")
                .contains("/acquiring/v1.0/payments</code>", "/control/v1/payments/" + operationId);
    }

    @Test
    void a_failing_receiver_shows_failed_attempts_with_their_codes_and_resend_delivers_the_same_body_again() {
        ApiClient api = newKey("failing", DemoData.BUSINESS_CODE);
        String clientId = clientIdOf(api);
        subscribe(api, clientId);
        int subscribed = receiver.history().size();
        receiver.answer(500, 503, 500);
        testSend(api, clientId);
        PageClient admin = ConsoleLogin.admin(server);

        String eventId = awaitEvent(admin, clientId, "FAILED");
        PageClient.Page event = admin.get("/console/webhooks/events/" + eventId).expectStatus(200);

        assertThat(event.body())
                .contains("data-code=\"500\"", "data-code=\"503\"", "id=\"resend\"")
                .contains("3 / 3");
        String list = admin.get("/console/webhooks?clientId=" + clientId + "&status=FAILED")
                .body();
        assertThat(list).contains("data-event=\"" + eventId + "\"", "<td class=\"num\">3</td>");
        assertThat(receiver.history()).hasSize(subscribed + 3);
        String signed = receiver.history().get(subscribed).body();

        PageClient.Page resent = admin.post("/console/webhooks/events/" + eventId + "/resend", "csrf", event.csrf());
        assertThat(resent.status()).isEqualTo(303);
        assertThat(resent.location()).isEqualTo("/console/webhooks/events/" + eventId + "?resent");
        // The page reads the event and its attempts one after the other; on PostgreSQL (read committed) a delivery may
        // land between the two reads, so it waits for both to show it.
        awaitPage(
                admin,
                "/console/webhooks/events/" + eventId,
                page -> page.contains("data-code=\"200\"") && page.contains("4 / 6"));
        assertThat(admin.get("/console/webhooks/events/" + eventId + "?resent").body())
                .contains("id=\"resent\"");

        // Delivered, it can be sent once more: the receiver gets the very same signed body again.
        String csrf = admin.get("/console/webhooks/events/" + eventId).csrf();
        admin.post("/console/webhooks/events/" + eventId + "/resend", "csrf", csrf)
                .expectStatus(303);
        awaitPage(admin, "/console/webhooks/events/" + eventId, page -> page.contains("5 / 7"));
        assertThat(receiver.history()).hasSize(subscribed + 5);
        assertThat(receiver.history().subList(subscribed, subscribed + 5))
                .allSatisfy(received -> assertThat(received.body()).isEqualTo(signed));
    }

    @Test
    void a_resend_needs_the_csrf_token_and_a_finished_event() {
        ApiClient api = newKey("slow", DemoData.BUSINESS_CODE);
        String clientId = clientIdOf(api);
        subscribe(api, clientId);
        receiver.answer(500, 500, 500);
        testSend(api, clientId);
        PageClient admin = ConsoleLogin.admin(server);
        String eventId = awaitEvent(admin, clientId, "FAILED");

        int before = receiver.history().size();

        PageClient.Page forged = admin.post("/console/webhooks/events/" + eventId + "/resend", "csrf", "0".repeat(64));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(receiver.history()).hasSize(before);
        assertThat(admin.get("/console/webhooks/events/" + eventId).body()).contains("3 / 3");

        CountDownLatch release = new CountDownLatch(1);
        receiver.holdUntil(release, Duration.ofSeconds(10));
        try {
            testSend(api, clientId);
            String pending = awaitEvent(admin, clientId, "PENDING");
            PageClient.Page page = admin.get("/console/webhooks/events/" + pending + "?lang=en");
            assertThat(page.body()).contains("id=\"resend-pending\"").doesNotContain("id=\"resend\"");

            PageClient.Page refused =
                    admin.post("/console/webhooks/events/" + pending + "/resend", "csrf", page.csrf());

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("still being delivered");
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_company_user_sees_only_webhooks_of_keys_wholly_theirs_on_pages_and_forms() {
        ApiClient mine = newKey("mine", DemoData.BUSINESS_CODE);
        String myClient = clientIdOf(mine);
        subscribe(mine, myClient);
        testSend(mine, myClient);
        ApiClient theirs = newKey("theirs", DemoData.PERSONAL_CODE);
        String theirClient = clientIdOf(theirs);
        subscribe(theirs, theirClient);
        testSend(theirs, theirClient);
        PageClient admin = ConsoleLogin.admin(server);
        String myEvent = awaitEvent(admin, myClient, "DELIVERED");
        String theirEvent = awaitEvent(admin, theirClient, "DELIVERED");
        ConsoleLogin.companyUser(server, "hooks.business", DemoData.BUSINESS_CODE);
        PageClient user = ConsoleLogin.signedIn(server, "hooks.business", ConsoleLogin.PASSWORD);

        String list = user.get("/console/webhooks").expectStatus(200).body();
        assertThat(list).contains(myClient, myEvent).doesNotContain(theirClient, theirEvent);
        assertThat(list).as("the demo key also acts for the other company").doesNotContain(server.clientId());
        user.get("/console/webhooks/events/" + myEvent).expectStatus(200);
        PageClient.Page foreign = user.get("/console/webhooks/events/" + theirEvent);
        PageClient.Page unknown = user.get("/console/webhooks/events/00000000-0000-0000-0000-000000000000");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(user.get("/console/webhooks?clientId=" + theirClient).status())
                .isEqualTo(404);

        int before = receiver.history().size();
        String csrf = user.get("/console/webhooks").csrf();
        assertThat(user.post("/console/webhooks/events/" + theirEvent + "/resend", "csrf", csrf)
                        .status())
                .isEqualTo(404);
        assertThat(receiver.history()).as("nothing was resent").hasSize(before);
    }

    @Test
    void bad_filters_are_a_page_that_says_so() {
        PageClient admin = ConsoleLogin.admin(server);

        PageClient.Page status = admin.get("/console/webhooks?status=LOST");
        PageClient.Page page = admin.get("/console/webhooks?page=0");

        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body()).contains("status");
        assertThat(page.status()).isEqualTo(400);
        admin.get("/console/webhooks?status=FAILED&page=2").expectStatus(200);
    }
}
