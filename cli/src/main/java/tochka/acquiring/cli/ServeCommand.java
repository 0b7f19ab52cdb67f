package tochka.acquiring.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Application.ServerInfo;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.core.DataDirectory;
import tochka.acquiring.server.users.ConsoleUser;
import tochka.acquiring.server.webhooks.WebhookPolicy;
import tochka.acquiring.server.webhooks.WebhookTargets;

/** {@code tochka serve}: runs the server until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the acquiring server.",
        footer = {"%nExamples:", "  tochka serve", "  tochka serve --port 9090 --data /var/lib/tochka --log-format json"
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "address to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--public-url",
            description = "the URL clients reach this server at (default: http://localhost:<port>)")
    String publicUrl;

    @Option(
            names = "--no-control",
            negatable = true,
            defaultValue = "true",
            description = "turn the /control/v1 test-control API off (it answers 404)")
    boolean control;

    @Option(
            names = "--no-admin",
            negatable = true,
            defaultValue = "true",
            description = "turn the /admin/v1 admin API (webhook delivery log, resend) off (it answers 404)")
    boolean admin;

    @Option(
            names = "--no-sandbox",
            negatable = true,
            defaultValue = "true",
            description = "turn /sandbox/v2 (sandbox.jwt.token and its own demo companies) off (it answers 404)")
    boolean sandbox;

    @Option(
            names = "--admin-token",
            defaultValue = "${env:TOCHKA_ADMIN_TOKEN}",
            description =
                    "set the admin token of the control and admin APIs, at least 16 characters; the database keeps only its hash (default: the one set before, or a random one made on first start and kept in demo.env)")
    String adminToken;

    @Option(
            names = "--console-password",
            defaultValue = "${env:TOCHKA_CONSOLE_PASSWORD}",
            description =
                    "the password of the console's first admin (admin), 10 to 128 characters, used when the first start makes that admin; prefer TOCHKA_CONSOLE_PASSWORD, which ps does not show (default: a one-time password, printed and kept in demo.env, that the console asks to change)")
    String consolePassword;

    @Option(
            names = "--webhook-attempts",
            defaultValue = "30",
            description = "attempts per webhook before it is given up (default: ${DEFAULT-VALUE}, as the bank)")
    int webhookAttempts;

    @Option(
            names = "--webhook-interval",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "wait between webhook attempts, e.g. 10s, 500ms, 5m (default: ${DEFAULT-VALUE}, as the bank)")
    Duration webhookInterval;

    @Option(
            names = "--webhook-backoff",
            defaultValue = "fixed",
            description =
                    "fixed (the bank's) or exponential: the wait doubles up to --webhook-max-interval (default: ${DEFAULT-VALUE})")
    Backoff webhookBackoff;

    @Option(
            names = "--webhook-max-interval",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description = "longest wait of the exponential schedule (default: ${DEFAULT-VALUE})")
    Duration webhookMaxInterval;

    @Option(
            names = "--webhook-timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description =
                    "how long one webhook attempt may take in all: connect, TLS, status, headers and body (default: ${DEFAULT-VALUE})")
    Duration webhookTimeout;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            description = "text, or json: one JSON object per line, for" + " log shippers (default: ${DEFAULT-VALUE})")
    LogFormat logFormat;

    @Option(
            names = "--webhook-allow",
            paramLabel = "<CIDR|host[:port]>",
            description =
                    "also let webhooks go to these addresses (a CIDR block or one IP: any scheme and port) or this host as written in URLs (any scheme; the port if given); repeatable. By default webhooks go only to https:443 of public addresses, and to loopback when --host is a loopback address. Each rule lets key holders make the server call there")
    List<String> webhookAllow = new ArrayList<>();

    @Option(
            names = "--webhook-allow-any-url",
            description =
                    "let webhooks go anywhere, the internal network included: the same as --webhook-allow 0.0.0.0/0 --webhook-allow ::/0 (lets key holders reach your network: SSRF)")
    boolean webhookAllowAnyUrl;

    /** The two retry schedules. */
    enum Backoff {
        fixed,
        exponential
    }

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        List<String> allow = new ArrayList<>(webhookAllow);
        if (webhookAllowAnyUrl) allow.addAll(WebhookTargets.ANY);
        WebhookPolicy webhooks;
        try {
            webhooks = new WebhookPolicy(
                    webhookAttempts,
                    webhookInterval,
                    webhookBackoff == Backoff.exponential,
                    webhookMaxInterval,
                    webhookTimeout,
                    allow);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid webhook option: " + e.getMessage(), e);
        }
        Config config = store.config(host, port, publicUrl, adminToken, webhooks, control, admin, sandbox).toBuilder()
                .consolePassword(consolePassword == null || consolePassword.isEmpty() ? null : consolePassword)
                .build();
        Application server = Application.builder()
                .config(config)
                .clock(Clock.systemUTC())
                .build()
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            out.println("Stopped.");
                            out.flush();
                            stopped.countDown();
                        },
                        "shutdown"));
        ServerInfo info = server.info();
        Path env = store.dataDir.resolve("demo.env");
        String adminToken = info.adminToken() != null ? info.adminToken() : rememberedAdminToken(env, server);
        String shownPassword =
                info.consolePassword() != null ? info.consolePassword() : rememberedConsolePassword(env, server, info);
        boolean oneTime = server.users()
                .find(info.consoleLogin())
                .map(ConsoleUser::mustChangePassword)
                .orElse(false);
        writeEnv(env, info, adminToken, shownPassword);
        banner(out, info, adminToken, shownPassword, oneTime, Application.describeDatabase(config), env);
        stopped.await();
        return 0;
    }

    /**
     * The admin token an earlier start wrote to {@code demo.env}, if it still holds: the database keeps only its
     * hash, so this is how a restart goes on showing the developer's working token.
     */
    private static @org.jspecify.annotations.Nullable String rememberedAdminToken(Path env, Application server) {
        String token = remembered(env, "TOCHKA_ADMIN_TOKEN=");
        return token != null && server.isAdminToken(token) ? token : null;
    }

    /**
     * The first admin's password an earlier start wrote to {@code demo.env}, while it is still their password: once
     * they choose their own in the console, {@code demo.env} stops holding one.
     */
    private static @org.jspecify.annotations.Nullable String rememberedConsolePassword(
            Path env, Application server, ServerInfo info) {
        String password = remembered(env, "TOCHKA_CONSOLE_PASSWORD=");
        return password != null && server.users().passwordHolds(info.consoleLogin(), password) ? password : null;
    }

    /** The value of the line starting with {@code prefix} in {@code demo.env}; null when there is none. */
    private static @org.jspecify.annotations.Nullable String remembered(Path env, String prefix) {
        try {
            if (!Files.isRegularFile(env)) return null;
            for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    String value = line.substring(prefix.length()).trim();
                    return value.isEmpty() ? null : value;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static void banner(
            PrintWriter out,
            ServerInfo info,
            @org.jspecify.annotations.Nullable String adminToken,
            @org.jspecify.annotations.Nullable String consolePassword,
            boolean oneTime,
            String database,
            Path env) {
        out.println();
        out.println("tochka-acquiring is running on " + database);
        out.println("  server                " + info.publicUrl());
        out.println("  API reference         " + info.publicUrl() + "/docs   (in a browser: try every call)");
        out.println("  API (JWT keys)        " + info.apiUrl());
        out.println("  customerCode          " + info.customerCode() + "   (Business; merchantId " + info.merchantId()
                + ")");
        out.println("  demo key client_id    " + info.clientId());
        out.println("  demo key (JWT)        " + info.demoToken());
        if (info.sandboxEnabled()) {
            out.println(
                    "  Sandbox               " + info.sandboxUrl() + "   (Authorization: Bearer sandbox.jwt.token)");
            out.println("  sandbox customerCode  " + info.sandboxCustomerCode() + "   (Business; merchantId "
                    + info.sandboxMerchantId() + "; its own world: /uapi never sees it)");
        } else {
            out.println("  Sandbox               off (--no-sandbox)");
        }
        out.println("  control API           "
                + (info.controlEnabled() ? info.publicUrl() + "/control/v1   (admin token)" : "off (--no-control)"));
        out.println("  admin API             "
                + (info.adminEnabled() ? info.publicUrl() + "/admin/v1   (admin token)" : "off (--no-admin)"));
        if (info.controlEnabled() || info.adminEnabled()) {
            out.println(
                    "  admin token           "
                            + (adminToken != null
                                    ? adminToken
                                    : "set before; only its hash is kept: set a new one with TOCHKA_ADMIN_TOKEN or --admin-token"));
        }
        out.println("  console               " + info.consoleUrl());
        out.println("  console login         " + info.consoleLogin());
        out.println("  console password      "
                + (consolePassword != null
                        ? consolePassword
                                + (oneTime ? "   (one-time: the console asks for your own at the first sign-in)" : "")
                        : "chosen in the console; only its hash is kept: tochka users passwd " + info.consoleLogin()));
        out.println("  health                " + info.publicUrl() + "/health");
        out.println();
        out.println("The same as shell variables: source " + env);
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** Writes {@code demo.env}, mode 600: it holds the demo key's token, the admin token and the console password. */
    private static void writeEnv(
            Path env,
            ServerInfo info,
            @org.jspecify.annotations.Nullable String adminToken,
            @org.jspecify.annotations.Nullable String consolePassword)
            throws IOException {
        String text = String.join(
                "\n",
                "TOCHKA_SERVER_URL=" + info.publicUrl(),
                "TOCHKA_BASE_URL=" + info.apiUrl(),
                "TOCHKA_SANDBOX_URL=" + info.sandboxUrl(),
                "TOCHKA_SANDBOX_CUSTOMER_CODE=" + info.sandboxCustomerCode(),
                "TOCHKA_SANDBOX_MERCHANT_ID=" + info.sandboxMerchantId(),
                "TOCHKA_TOKEN=" + info.demoToken(),
                "TOCHKA_CLIENT_ID=" + info.clientId(),
                "TOCHKA_CUSTOMER_CODE=" + info.customerCode(),
                "TOCHKA_MERCHANT_ID=" + info.merchantId(),
                "TOCHKA_ADMIN_TOKEN=" + (adminToken == null ? "" : adminToken),
                "TOCHKA_CONSOLE_URL=" + info.consoleUrl(),
                "TOCHKA_CONSOLE_LOGIN=" + info.consoleLogin(),
                "TOCHKA_CONSOLE_PASSWORD=" + (consolePassword == null ? "" : consolePassword),
                "");
        DataDirectory.writePrivate(env, text);
    }
}
