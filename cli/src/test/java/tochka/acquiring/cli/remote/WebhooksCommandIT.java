package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/** {@code tochka webhooks get|set|delete|test} against the real server, the demo key's webhook. */
class WebhooksCommandIT {

    private static TestServer server;
    private static Cli cli;
    private static WebhookReceiver shop;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = Cli.against(server);
        shop = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        shop.close();
        server.close();
    }

    @BeforeEach
    void no_webhook() {
        server.api().send("DELETE", "/webhook/v1.0/" + server.clientId(), null);
        shop.clear();
    }

    @Test
    void get_without_a_webhook_is_not_found_and_says_how_to_register_one() {
        Cli.Run run = cli.run("webhooks", "get").failed(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("no webhook is registered").contains("tochka webhooks set URL");
        cli.run("webhooks", "get", "--json").failed(ExitCodes.NOT_FOUND);
    }

    @Test
    void set_registers_the_payment_events_by_default_and_get_shows_them() {
        Cli.Run set = cli.run("webhooks", "set", shop.url()).ok();
        assertThat(set.err()).contains("Registered the webhook of client_id " + server.clientId());
        assertThat(set.out())
                .contains("url     " + shop.url())
                .contains("events  acquiringInternetPayment,incomingSbpPayment");
        // The server tested the URL with one webhook of each type before keeping it.
        assertThat(shop.count()).isEqualTo(2);

        Cli.Run table = cli.run("webhooks", "get").ok();
        assertThat(table.out()).startsWith("url     " + shop.url());

        JsonNode json = cli.run("webhooks", "get", "--json").ok().json();
        assertThat(json.get("url").asText()).isEqualTo(shop.url());
        assertThat(json.get("webhooksList").isArray()).isTrue();
        assertThat(json.get("webhooksList").get(0).asText()).isEqualTo("acquiringInternetPayment");
        assertThat(json.size()).isEqualTo(2);
    }

    @Test
    void set_on_an_existing_webhook_changes_it_and_keeps_its_events_unless_told() {
        cli.run("webhooks", "set", shop.url(), "--events", "acquiringInternetPayment")
                .ok();
        String other = shop.url() + "?v=2";

        JsonNode changed = cli.run("webhooks", "set", other, "--json").ok().json();
        assertThat(changed.get("url").asText()).isEqualTo(other);
        assertThat(changed.get("webhooksList")).hasSize(1);

        Cli.Run again = cli.run("webhooks", "set", other, "--events", "incomingSbpPayment,acquiringInternetPayment")
                .ok();
        assertThat(again.err()).contains("Changed the webhook");
        assertThat(again.out()).contains("events  incomingSbpPayment,acquiringInternetPayment");
    }

    @Test
    void test_asks_the_server_to_send_a_signed_test_event_to_the_url() {
        cli.run("webhooks", "set", shop.url(), "--events", "acquiringInternetPayment")
                .ok();
        shop.clear();

        Cli.Run run = cli.run("webhooks", "test").ok();
        assertThat(run.out()).contains("test acquiringInternetPayment webhook to " + shop.url());
        WebhookReceiver.Received test = shop.next(Duration.ofSeconds(10));
        assertThat(test.body().split("\\.")).hasSize(3);
        assertThat(test.contentType()).isEqualTo("text/plain");

        JsonNode json = cli.run("webhooks", "test", "--json").ok().json();
        assertThat(json.get("webhookType").asText()).isEqualTo("acquiringInternetPayment");
        assertThat(json.get("url").asText()).isEqualTo(shop.url());
        assertThat(json.get("result").asBoolean()).isTrue();
        // test_send answers before the outbox delivers; the next test must not see this one arrive late.
        shop.next(Duration.ofSeconds(10));
    }

    @Test
    void test_of_an_event_the_webhook_does_not_get_is_refused_before_any_call() {
        cli.run("webhooks", "set", shop.url(), "--events", "acquiringInternetPayment")
                .ok();
        Cli.Run run = cli.run("webhooks", "test", "--event", "incomingPayment").failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("not subscribed").contains("--events acquiringInternetPayment,incomingPayment");
        shop.clear();
        cli.run("webhooks", "test").ok();
        shop.next(Duration.ofSeconds(10));
    }

    @Test
    void test_without_a_webhook_is_not_found() {
        cli.run("webhooks", "test").failed(ExitCodes.NOT_FOUND);
    }

    @Test
    void delete_removes_the_webhook_and_a_second_delete_is_not_found() {
        cli.run("webhooks", "set", shop.url()).ok();

        JsonNode json = cli.run("webhooks", "delete", "--json").ok().json();
        assertThat(json.get("result").asBoolean()).isTrue();
        cli.run("webhooks", "get").failed(ExitCodes.NOT_FOUND);

        Cli.Run again = cli.run("webhooks", "delete").failed(ExitCodes.NOT_FOUND);
        assertThat(again.err()).contains("no webhook is registered");

        cli.run("webhooks", "set", shop.url()).ok();
        assertThat(cli.run("webhooks", "delete").ok().out()).contains("Deleted the webhook of client_id");
    }

    @Test
    void a_wrong_token_is_an_auth_failure_naming_the_permission() {
        Cli.Run run =
                cli.with("TOCHKA_TOKEN", "not.a.jwt").run("webhooks", "get").failed(ExitCodes.AUTH);
        assertThat(run.err()).contains("ManageWebhookData");
        cli.with("TOCHKA_TOKEN", "not.a.jwt").run("webhooks", "set", shop.url()).failed(ExitCodes.AUTH);
    }

    @Test
    void a_url_that_is_no_url_is_refused_before_any_call() {
        Cli.Run run = cli.run("webhooks", "set", "shop.example/hook").failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("not an http(s) URL");
        cli.run("webhooks", "set", "https://shop.example/" + "x".repeat(2100)).failed(ExitCodes.REJECTED);
    }

    @Test
    void a_url_the_server_will_not_send_to_is_rejected_with_the_servers_words() {
        Cli.Run run = cli.run("webhooks", "set", "https://10.0.0.1/hook").failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("url").contains("test webhook of each type");
        cli.run("webhooks", "get").failed(ExitCodes.NOT_FOUND);
    }

    @Test
    void a_url_that_fails_the_servers_test_webhook_is_rejected() {
        shop.answer(500);
        Cli.Run run = cli.run("webhooks", "set", shop.url()).failed(ExitCodes.REJECTED);
        assertThat(run.err()).contains("not accepted").contains("answered 200");
        cli.run("webhooks", "get").failed(ExitCodes.NOT_FOUND);
    }

    @Test
    void an_unknown_event_type_is_a_usage_error_listing_the_types() {
        Cli.Run run =
                cli.run("webhooks", "set", shop.url(), "--events", "payments").failed(ExitCodes.USAGE);
        assertThat(run.err()).contains("acquiringInternetPayment");
    }
}
