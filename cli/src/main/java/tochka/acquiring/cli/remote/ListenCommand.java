package tochka.acquiring.cli.remote;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.DurationConverter;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.TochkaClient;

/**
 * {@code tochka listen}: receives the key's webhooks on this machine, like {@code stripe listen}: verifies each JWT,
 * prints the event, and passes the original request on to the developer's receiver, answering with its status.
 */
@Command(
        name = "listen",
        mixinStandardHelpOptions = true,
        description = {
            "Receive the key's webhooks here: verify each one's signature, print the event, and forward the original"
                    + " request to --forward-to, answering the sender with the receiver's status (so a failing"
                    + " receiver gets the event again, as from the bank).",
            "Against this project's server it registers http://127.0.0.1:<port>/ as the key's webhook and puts the"
                    + " previous one back when it stops (Ctrl-C, or after --count events).",
            "The bank cannot reach your machine: run a tunnel (https on port 443) to --port and pass its URL as"
                    + " --public-url, or register it yourself and pass --no-register."
        },
        footer = {
            "%nExample:",
            "  tochka listen --forward-to http://localhost:3000/hook",
            "  tochka listen --json --count 1 > event.json",
            "  tochka listen --port 4242 --public-url https://abc.trycloudflare.com/"
        })
public final class ListenCommand extends RemoteCommand {

    private static final Duration MAX_FORWARD_TIMEOUT = Duration.ofMinutes(1);

    @Option(
            names = "--forward-to",
            paramLabel = "URL",
            description = "your webhook endpoint, e.g. http://localhost:3000/hook (default: only print the events)")
    @Nullable
    String forwardTo;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "the port to listen on (default: 0, a free one)")
    int port;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "the URL that reaches --port from outside (your tunnel's): registered instead of the local"
                    + " one; needed on the bank")
    @Nullable
    String publicUrl;

    @Option(
            names = "--no-register",
            description = "only listen: do not touch the key's webhook (you registered this listener yourself)")
    boolean noRegister;

    @Option(
            names = "--events",
            split = ",",
            paramLabel = "TYPE",
            description = "the event types to register for: ${COMPLETION-CANDIDATES} (default: the current"
                    + " webhook's, else acquiringInternetPayment,incomingSbpPayment)")
    @Nullable
    List<WebhookType> events;

    @Option(names = "--count", paramLabel = "N", description = "stop after N events (default: run until Ctrl-C)")
    @Nullable
    Integer count;

    @Option(
            names = "--forward-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "how long the receiver may take to answer, at most 1m (default: ${DEFAULT-VALUE})")
    Duration forwardTimeout = Duration.ofSeconds(10);

    @Override
    int run(TochkaClient client) throws InterruptedException {
        checkOptions();
        Forwarder forwarder = forwardTo == null
                ? null
                : new Forwarder(URI.create(WebhooksCommand.checkUrl(forwardTo, "--forward-to")), forwardTimeout);
        String registered = publicUrl == null ? null : WebhooksCommand.checkUrl(publicUrl, "--public-url");
        if (connection.target().isBank() && !noRegister && registered == null) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "the bank cannot send webhooks to this machine: it delivers only to https on port 443 of a public"
                            + " address. Run a tunnel that forwards to the listener's port (for example cloudflared"
                            + " tunnel --url http://127.0.0.1:4242, or ngrok http 4242), then: tochka listen --port 4242"
                            + " --public-url https://<your-tunnel>/ ... It registers that URL and puts the old webhook"
                            + " back when it stops; with --no-register it only listens.");
        }
        String clientId = noRegister ? null : connection.clientId();
        EventPrinter printer = new EventPrinter(output);
        CountDownLatch done = new CountDownLatch(1);
        try (ListenReceiver receiver = ListenReceiver.start(
                host, port, client.webhookVerifier(), forwarder, printer, count, done::countDown)) {
            printer.note("Listening on " + receiver.url()
                    + (forwarder == null
                            ? "; printing the events (no --forward-to)."
                            : "; forwarding to " + forwarder.target() + "."));
            ListenRegistration registration = null;
            if (clientId != null) {
                String url = registered != null ? registered : receiver.localUrl();
                registration = ListenRegistration.register(client, clientId, url, events, receiver, printer);
            } else {
                printer.note("Not registering (--no-register): the key's webhook must send to this listener.");
            }
            Stop stop = new Stop(receiver, registration);
            Thread onExit = new Thread(
                    () -> {
                        stop.run();
                        done.countDown();
                    },
                    "tochka-listen-stop");
            Runtime.getRuntime().addShutdownHook(onExit);
            printer.note(
                    count == null ? "Ready: Ctrl-C stops." : "Ready: stops after " + count + " event(s) or Ctrl-C.");
            try {
                done.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is stopping listen already.
                }
                stop.run();
            }
        }
        return 0;
    }

    @Override
    Permission permission() {
        return Permission.ManageWebhookData;
    }

    private void checkOptions() {
        if (port < 0 || port > 65535) throw new CliFailure(ExitCodes.REJECTED, "--port " + port + ": 0 to 65535");
        if (count != null && count < 1) throw new CliFailure(ExitCodes.REJECTED, "--count " + count + ": at least 1");
        if (forwardTimeout.compareTo(MAX_FORWARD_TIMEOUT) > 0) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "--forward-timeout: at most 1m (the server gives up on a webhook after its own 10 s timeout)");
        }
        if (noRegister && (publicUrl != null || events != null)) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "--no-register leaves the webhook alone: --public-url and --events are for registering it");
        }
    }

    /** Stops listening and puts the webhook back, once: when the count is reached, or on Ctrl-C. */
    private static final class Stop implements Runnable {

        private final AtomicBoolean once = new AtomicBoolean();
        private final ListenReceiver receiver;
        private final @Nullable ListenRegistration registration;

        Stop(ListenReceiver receiver, @Nullable ListenRegistration registration) {
            this.receiver = receiver;
            this.registration = registration;
        }

        @Override
        public void run() {
            if (!once.compareAndSet(false, true)) return;
            // The webhook first: the server stops sending here before the port closes.
            if (registration != null) registration.restore();
            receiver.close();
        }
    }
}
