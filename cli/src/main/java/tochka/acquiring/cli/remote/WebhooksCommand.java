package tochka.acquiring.cli.remote;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tochka.acquiring.api.BooleanResult;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.InvalidRequestException;
import tochka.acquiring.client.NotFoundException;
import tochka.acquiring.client.TochkaClient;

/**
 * {@code tochka webhooks get|set|delete|test}: the key's webhook ({@code /webhook/v1.0/{client_id}}), one URL and
 * the events sent to it, as the guide's webhook steps manage it.
 */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Show, register, delete or test the key's webhook: the URL the events of its payments go to.",
        subcommands = {
            WebhooksCommand.GetWebhook.class,
            WebhooksCommand.SetWebhook.class,
            WebhooksCommand.DeleteWebhook.class,
            WebhooksCommand.TestWebhook.class
        },
        footer = {
            "%nExample:",
            "  tochka webhooks set https://shop.example/tochka/webhook",
            "  tochka webhooks get --json",
            "  tochka webhooks test"
        })
public final class WebhooksCommand {

    /**
     * What a webhook is registered for unless {@code --events} says otherwise: the payment links' events, and the SBP
     * payments by which links are also paid.
     */
    static final List<WebhookType> DEFAULT_EVENTS =
            List.of(WebhookType.acquiringInternetPayment, WebhookType.incomingSbpPayment);

    /** The URL length the spec allows. */
    private WebhooksCommand() {}

    /** {@code tochka webhooks get}. */
    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Show the key's webhook: its URL and the events sent to it (exit 6 when none is registered).",
            footer = {"%nExample:", "  tochka webhooks get", "  tochka webhooks get --json | jq -r .url"})
    static final class GetWebhook extends RemoteCommand {

        @Override
        int run(TochkaClient client) {
            String clientId = connection.clientId();
            Webhook webhook = current(client, clientId).orElseThrow(() -> none(clientId));
            if (output.json()) output.printJson(webhook);
            else print(webhook, output);
            return 0;
        }

        @Override
        Permission permission() {
            return Permission.ManageWebhookData;
        }
    }

    /** {@code tochka webhooks set URL [--events ...]}: creates the webhook, or changes the one there is. */
    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = {
                "Send the key's events to URL: registers the webhook, or changes the one there is.",
                "The server (and the bank) first sends a test webhook of each event type to URL and keeps the change"
                        + " only if each is answered 200. The bank accepts only https on port 443; this project's"
                        + " server also loopback when it listens on loopback."
            },
            footer = {
                "%nExample:",
                "  tochka webhooks set https://shop.example/tochka/webhook",
                "  tochka webhooks set https://shop.example/t --events acquiringInternetPayment"
            })
    static final class SetWebhook extends RemoteCommand {

        @Parameters(
                index = "0",
                paramLabel = "URL",
                description = "where the events go (http(s), at most 2083 characters)")
        String url = "";

        @Option(
                names = "--events",
                split = ",",
                paramLabel = "TYPE",
                description = "the event types, comma-separated: ${COMPLETION-CANDIDATES} (default: the current"
                        + " webhook's, else acquiringInternetPayment,incomingSbpPayment)")
        @Nullable
        List<WebhookType> events;

        @Override
        int run(TochkaClient client) {
            String target = checkUrl(url, "URL");
            String clientId = connection.clientId();
            Optional<Webhook> existing = current(client, clientId);
            List<WebhookType> types = events != null && !events.isEmpty()
                    ? List.copyOf(new LinkedHashSet<>(events))
                    : existing.map(Webhook::webhooksList).orElse(DEFAULT_EVENTS);
            Webhook saved;
            try {
                saved = existing.isPresent()
                        ? client.webhooks().edit(clientId, target, types)
                        : client.webhooks().create(clientId, target, types);
            } catch (InvalidRequestException e) {
                throw refusedUrl(e, target);
            }
            if (output.json()) {
                output.printJson(saved);
            } else {
                output.err()
                        .println((existing.isPresent() ? "Changed" : "Registered") + " the webhook of client_id "
                                + clientId + ".");
                output.err().flush();
                print(saved, output);
            }
            return 0;
        }

        @Override
        Permission permission() {
            return Permission.ManageWebhookData;
        }
    }

    /** {@code tochka webhooks delete}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Stop sending the key's events: deletes its webhook (exit 6 when none is registered).",
            footer = {"%nExample:", "  tochka webhooks delete"})
    static final class DeleteWebhook extends RemoteCommand {

        @Override
        int run(TochkaClient client) {
            String clientId = connection.clientId();
            try {
                client.webhooks().delete(clientId);
            } catch (NotFoundException e) {
                throw none(clientId);
            }
            if (output.json()) output.printJson(new BooleanResult(true));
            else {
                output.out().println("Deleted the webhook of client_id " + clientId + ".");
                output.out().flush();
            }
            return 0;
        }

        @Override
        Permission permission() {
            return Permission.ManageWebhookData;
        }
    }

    /** {@code tochka webhooks test [--event TYPE]}. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Ask the server to send a test webhook to the key's webhook URL (the bank's example event, signed).",
                "It is queued and delivered like any event: see it arrive with `tochka listen`."
            },
            footer = {"%nExample:", "  tochka webhooks test", "  tochka webhooks test --event incomingSbpPayment"})
    static final class TestWebhook extends RemoteCommand {

        @Option(
                names = "--event",
                paramLabel = "TYPE",
                description = "the event type: ${COMPLETION-CANDIDATES} (default: acquiringInternetPayment when"
                        + " subscribed, else the webhook's first)")
        @Nullable
        WebhookType event;

        @Override
        int run(TochkaClient client) {
            String clientId = connection.clientId();
            Webhook webhook = current(client, clientId).orElseThrow(() -> none(clientId));
            WebhookType type = event != null ? event : defaultTestType(webhook);
            if (!webhook.webhooksList().contains(type)) {
                throw new CliFailure(
                        ExitCodes.REJECTED,
                        "--event " + type + ": the webhook is not subscribed to it (it gets "
                                + names(webhook.webhooksList()) + "); add it with tochka webhooks set "
                                + webhook.url() + " --events " + names(webhook.webhooksList()) + "," + type);
            }
            client.webhooks().testSend(clientId, type);
            if (output.json()) {
                output.printJson(new TestSent(type, webhook.url(), true));
            } else {
                output.out().println("Asked the server to send a test " + type + " webhook to " + webhook.url() + ".");
                output.out().flush();
            }
            return 0;
        }

        @Override
        Permission permission() {
            return Permission.ManageWebhookData;
        }

        private static WebhookType defaultTestType(Webhook webhook) {
            if (webhook.webhooksList().contains(WebhookType.acquiringInternetPayment)
                    || webhook.webhooksList().isEmpty()) {
                return WebhookType.acquiringInternetPayment;
            }
            return webhook.webhooksList().get(0);
        }
    }

    /** What {@code webhooks test --json} prints: the event type asked for, where it goes, and the API's result. */
    record TestSent(WebhookType webhookType, String url, boolean result) {}

    /** The key's webhook, or empty when none is registered (the API answers 404). */
    static Optional<Webhook> current(TochkaClient client, String clientId) {
        try {
            return Optional.of(client.webhooks().get(clientId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@code url} when it is an absolute http(s) URL the spec allows; a refusal naming {@code what} otherwise. */
    static String checkUrl(String url, String what) {
        return Inputs.httpUrl(what, url, "https://shop.example/tochka/webhook").toString();
    }

    static void print(Webhook webhook, Output output) {
        output.out().println("url     " + webhook.url());
        output.out().println("events  " + names(webhook.webhooksList()));
        output.out().flush();
    }

    static String names(List<WebhookType> types) {
        return String.join(",", types.stream().map(WebhookType::name).toList());
    }

    static CliFailure none(String clientId) {
        return new CliFailure(
                ExitCodes.NOT_FOUND,
                "no webhook is registered for client_id " + clientId
                        + ": register one with tochka webhooks set URL, or receive events here with tochka listen");
    }

    /** A refused save: the API's words, and what the server checks before it keeps a URL. */
    static CliFailure refusedUrl(InvalidRequestException refused, String url) {
        return new CliFailure(
                ExitCodes.REJECTED,
                refused.getMessage() + "\nThe server sends a test webhook of each type to " + url
                        + " first and keeps it only if each is answered 200 in time. The bank takes only https on"
                        + " port 443; this project's server also http to loopback when it listens on loopback.",
                refused);
    }
}
