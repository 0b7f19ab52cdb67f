package tochka.acquiring.cli.remote;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.InvalidRequestException;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.TochkaException;

/**
 * The key's webhook while {@code tochka listen} runs: it remembers the registration there was, points the webhook at
 * the listener, and when listening stops puts the old one back (or deletes its own when there was none), so that a
 * developer's real endpoint is not left cut off.
 */
final class ListenRegistration {

    private final TochkaClient client;
    private final String clientId;
    private final EventPrinter printer;
    private final @Nullable Webhook previous;
    private final Webhook ours;

    private ListenRegistration(
            TochkaClient client, String clientId, EventPrinter printer, @Nullable Webhook previous, Webhook ours) {
        this.client = client;
        this.clientId = clientId;
        this.printer = printer;
        this.previous = previous;
        this.ours = ours;
    }

    /**
     * Registers {@code url} for {@code events} (null: the current webhook's events, else the defaults), remembering
     * the current webhook. The server tests {@code url} first: the receiver answers those tests itself.
     */
    static ListenRegistration register(
            TochkaClient client,
            String clientId,
            String url,
            @Nullable List<WebhookType> events,
            ListenReceiver receiver,
            EventPrinter printer) {
        Optional<Webhook> previous = WebhooksCommand.current(client, clientId);
        List<WebhookType> types = events != null && !events.isEmpty()
                ? List.copyOf(new LinkedHashSet<>(events))
                : previous.map(Webhook::webhooksList).orElse(WebhooksCommand.DEFAULT_EVENTS);
        Webhook saved;
        receiver.registering(true);
        try {
            saved = previous.isPresent()
                    ? client.webhooks().edit(clientId, url, types)
                    : client.webhooks().create(clientId, url, types);
        } catch (InvalidRequestException e) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "cannot register " + url + " as the webhook: " + e.getMessage() + "\n"
                            + "This project's server delivers to loopback only when it listens on loopback itself"
                            + " (tochka serve does by default). Is the server on another machine? Run a tunnel to"
                            + " --port and pass its https URL as --public-url.",
                    e);
        } finally {
            receiver.registering(false);
        }
        printer.note("Registered " + saved.url() + " as the webhook of client_id " + clientId + " for "
                + WebhooksCommand.names(saved.webhooksList())
                + previous.map(old -> " (was " + old.url() + "; put back when listen stops)")
                        .orElse(" (deleted when listen stops)")
                + ".");
        return new ListenRegistration(client, clientId, printer, previous.orElse(null), saved);
    }

    /**
     * Puts the previous webhook back, or deletes ours when there was none; leaves the webhook alone when someone
     * changed it meanwhile. Failures are reported, not thrown: this runs as listen stops, even on Ctrl-C.
     */
    void restore() {
        try {
            Optional<Webhook> now = WebhooksCommand.current(client, clientId);
            if (now.isEmpty() || !now.get().url().equals(ours.url())) {
                printer.note("The webhook was changed while listening (now "
                        + now.map(Webhook::url).orElse("none") + "): left as it is.");
                return;
            }
            Webhook old = previous;
            if (old == null) {
                client.webhooks().delete(clientId);
                printer.note("Deleted the webhook listen registered.");
                return;
            }
            try {
                client.webhooks().edit(clientId, old.url(), old.webhooksList());
                printer.note("Put the webhook back: " + old.url() + " for " + WebhooksCommand.names(old.webhooksList())
                        + ".");
            } catch (InvalidRequestException refused) {
                // The old URL did not answer the server's test: a dead listener's URL is worse than none.
                client.webhooks().delete(clientId);
                printer.warn("Could not put the webhook back (" + refused.getMessage() + "): deleted the one listen"
                        + " registered. When " + old.url() + " answers again: tochka webhooks set " + old.url()
                        + " --events " + WebhooksCommand.names(old.webhooksList()));
            }
        } catch (TochkaException e) {
            printer.warn("Could not restore the webhook: " + e.getMessage() + ". Check it with tochka webhooks get"
                    + (previous == null
                            ? "; delete it with tochka webhooks delete."
                            : "; it was " + previous.url() + " for " + WebhooksCommand.names(previous.webhooksList())
                                    + "."));
        }
    }
}
