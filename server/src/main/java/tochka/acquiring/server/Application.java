package tochka.acquiring.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.checkout.CheckoutService;
import tochka.acquiring.server.checkout.CheckoutSite;
import tochka.acquiring.server.consents.ConsentService;
import tochka.acquiring.server.consents.ConsentsApi;
import tochka.acquiring.server.console.CompaniesSection;
import tochka.acquiring.server.console.ConsoleSite;
import tochka.acquiring.server.console.DevelopersSection;
import tochka.acquiring.server.console.HomeSection;
import tochka.acquiring.server.console.IntegrationsSection;
import tochka.acquiring.server.console.PaymentsSection;
import tochka.acquiring.server.console.RequestsSection;
import tochka.acquiring.server.console.WebhooksSection;
import tochka.acquiring.server.control.ControlApi;
import tochka.acquiring.server.core.DataDirLock;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.CustomersApi;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.http.Bodies;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.Json;
import tochka.acquiring.server.http.RequestGate;
import tochka.acquiring.server.http.RequestJournal;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.keys.AdminTokens;
import tochka.acquiring.server.keys.KeyRequests;
import tochka.acquiring.server.keys.Keys;
import tochka.acquiring.server.keys.PublicKeys;
import tochka.acquiring.server.keys.SigningKey;
import tochka.acquiring.server.payments.PaymentSearch;
import tochka.acquiring.server.payments.PaymentService;
import tochka.acquiring.server.payments.PaymentWire;
import tochka.acquiring.server.payments.PaymentsApi;
import tochka.acquiring.server.payments.Turnover;
import tochka.acquiring.server.site.SitePages;
import tochka.acquiring.server.sms.DevSmsGateway;
import tochka.acquiring.server.users.Users;
import tochka.acquiring.server.webhooks.Dispatcher;
import tochka.acquiring.server.webhooks.Outbox;
import tochka.acquiring.server.webhooks.PaymentWebhooks;
import tochka.acquiring.server.webhooks.WebhookSigner;
import tochka.acquiring.server.webhooks.WebhookTargets;
import tochka.acquiring.server.webhooks.Webhooks;
import tochka.acquiring.server.webhooks.WebhooksApi;

/**
 * The whole server, built by hand from a {@link Config} and a {@link Clock}, with an explicit lifecycle so that it
 * can be embedded: {@code Application.builder().config(config).clock(clock).build()} is a server that has touched
 * nothing yet; {@link #start()} opens the database and serves; {@link #stop()} stops serving but keeps the database
 * (a later {@code start()} serves it again); {@link #close()} stops and releases the database and the data
 * directory's lock. {@code close()} may be called any number of times, in any state.
 */
public final class Application implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private static final long SWEEP_SECONDS = 30;

    private final Config config;
    private final Clock baseClock;

    /** What {@link #start()} opened and {@link #close()} releases; null before the first start and after close. */
    private @Nullable Opened opened;

    /** What serves while the server runs; null when it does not. */
    private @Nullable Serving serving;

    private @Nullable ServerInfo info;
    private boolean closed;

    private Application(Config config, Clock baseClock) {
        this.config = config;
        this.baseClock = baseClock;
    }

    /** A builder of an unstarted server; {@link Builder#config} is required, the clock defaults to the system's. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects what an {@link Application} is made of. */
    public static final class Builder {
        private @Nullable Config config;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder config(Config config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The clock the server's own clock (which the control API advances) runs on: the system's unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The server, not started: nothing is opened or listened on until {@link Application#start()}. */
        public Application build() {
            if (config == null) throw new IllegalStateException("Application.builder(): config(...) is required");
            return new Application(config, clock);
        }
    }

    /**
     * Opens the database on the first start (migrating and seeding it), then starts HTTP, the webhook dispatcher and
     * the expiry sweeper. On SQLite the server first locks its data directory, so a second server there is refused
     * instead of running unnoticed; PostgreSQL nodes share their database by design and take no lock. Starting a
     * running server does nothing.
     *
     * @return this server, running
     * @throws IllegalStateException naming the directory when another server runs on it, or after {@link #close()}
     */
    public synchronized Application start() {
        if (closed) throw new IllegalStateException("the server is closed; build another one");
        if (serving != null) return this;
        if (opened == null) opened = Opened.open(config, baseClock);
        try {
            serving = Serving.start(config, opened);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        info = serving.info(opened, config);
        return this;
    }

    /**
     * Stops serving: HTTP, the webhook dispatcher and the sweeper end; the database stays open and the data directory
     * locked, so {@link #start()} may serve them again (on a new port when the config's is 0). Stopping a server that
     * does not run does nothing.
     */
    public synchronized void stop() {
        Serving running = serving;
        serving = null;
        if (running != null) running.stop();
    }

    /** Stops serving and releases the database and the data directory's lock; idempotent. */
    @Override
    public synchronized void close() {
        stop();
        closed = true;
        Opened open = opened;
        opened = null;
        if (open != null) open.close();
    }

    /** Whether the server serves now: started, and neither stopped nor closed since. */
    public synchronized boolean isRunning() {
        return serving != null;
    }

    /** The database of {@code config}, migrated: for the server and for offline commands such as {@code keys}. */
    public static Database open(Config config) {
        return config.dbUrl() == null
                ? Database.sqlite(config.dataDir())
                : Database.postgres(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    /** Where {@code config}'s database is, for people: {@code SQLite /abs/tochka.db} or {@code PostgreSQL <URL>}. */
    public static String describeDatabase(Config config) {
        return config.dbUrl() == null
                ? "SQLite " + Database.sqliteFile(config.dataDir())
                : "PostgreSQL " + Database.withoutPassword(config.dbUrl());
    }

    /**
     * Whether {@code config}'s database exists already: the SQLite file, or a PostgreSQL database that Flyway has
     * migrated. Opening a missing one creates it, so offline tools ask first.
     */
    public static boolean databaseExists(Config config) {
        return config.dbUrl() == null
                ? Files.exists(Database.sqliteFile(config.dataDir()))
                : Database.isMigrated(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    /**
     * What the server tells its operator: where it is, what is on, and the demo credentials; after {@link #stop()},
     * of its last run.
     *
     * @throws IllegalStateException before the first {@link #start()}
     */
    public synchronized ServerInfo info() {
        if (info == null) throw new IllegalStateException("the server has not started yet");
        return info;
    }

    /**
     * Whether {@code token} is the admin token: for {@code tochka serve}, which keeps the token in {@code demo.env}
     * across restarts (the database holds only its hash) and shows it again when it still holds.
     */
    public boolean isAdminToken(String token) {
        return opened().adminTokens().matches(token);
    }

    /** The server's database: for offline tools and test fixtures. */
    public Database database() {
        return opened().database();
    }

    /** The key registry of this server (the console and the tests issue keys through it). */
    public Keys keys() {
        return opened().backoffice().keys();
    }

    /** The console's users (tests and {@code tochka users} add and change them through it). */
    public Users users() {
        return opened().backoffice().users();
    }

    /** The port the server listens on. */
    public synchronized int port() {
        Serving running = serving;
        if (running == null) throw new IllegalStateException("the server does not run");
        return running.javalin().port();
    }

    private synchronized Opened opened() {
        Opened open = opened;
        if (open == null) {
            throw new IllegalStateException(closed ? "the server is closed" : "the server has not started yet");
        }
        return open;
    }

    /** The database, the data directory's lock and what lives as long as they do: opened on the first start. */
    private record Opened(
            @Nullable DataDirLock dataDirLock,
            Database database,
            ServerClock clock,
            Backoffice backoffice,
            AdminTokens adminTokens,
            @Nullable String adminToken,
            @Nullable String consolePassword) {

        static Opened open(Config config, Clock baseClock) {
            DataDirLock dataDirLock = config.dbUrl() == null ? DataDirLock.acquire(config.dataDir()) : null;
            Database database;
            try {
                database = Application.open(config);
            } catch (RuntimeException e) {
                if (dataDirLock != null) dataDirLock.close();
                throw e;
            }
            try {
                // PostgreSQL nodes share the clock's offset: each takes up another's advance at its next request.
                ServerClock clock = ServerClock.persisted(baseClock, database.transactions(), database.isPostgres());
                Backoffice backoffice = Backoffice.open(database, clock);
                AdminTokens adminTokens = new AdminTokens(database.transactions());
                @Nullable String adminToken = adminTokens.establish(config.adminToken());
                @Nullable
                String consolePassword = backoffice
                        .users()
                        .ensureFirstAdmin(config.consolePassword())
                        .orElse(null);
                return new Opened(dataDirLock, database, clock, backoffice, adminTokens, adminToken, consolePassword);
            } catch (RuntimeException e) {
                database.close();
                if (dataDirLock != null) dataDirLock.close();
                throw e;
            }
        }

        void close() {
            database.close();
            if (dataDirLock != null) dataDirLock.close();
        }
    }

    /** HTTP, the webhook dispatcher and the sweeper: what one run of the server starts and {@link #stop()} ends. */
    private record Serving(Javalin javalin, Dispatcher dispatcher, ScheduledExecutorService sweeper, String publicUrl) {

        static Serving start(Config config, Opened opened) {
            Database database = opened.database();
            ServerClock clock = opened.clock();
            Backoffice backoffice = opened.backoffice();
            ObjectMapper json = Json.create();
            WebhookSigner signer = new WebhookSigner(backoffice.signingKey());
            Outbox outbox = new Outbox(signer, config.webhooks(), clock);
            Dispatcher dispatcher = new Dispatcher(
                    database.transactions(),
                    clock,
                    config.webhooks(),
                    WebhookTargets.of(config.webhooks(), config.host()),
                    signer);
            DirectoryService directory = new DirectoryService(database.transactions());
            PaymentService payments = new PaymentService(
                    database.transactions(), clock, new PaymentWebhooks(outbox, dispatcher::nudge), directory);
            PublicUrl publicUrl = new PublicUrl(config.publicUrl());
            DevSmsGateway devPhone = new DevSmsGateway(database.transactions(), clock);
            CheckoutService checkoutSessions = new CheckoutService(database.transactions(), clock);
            String pageSecret = backoffice.signingKey().derivedSecret("tochka checkout pages");
            Bodies bodies = new Bodies(json);
            Responses responses = new Responses(publicUrl::get);
            PaymentWire paymentWire = new PaymentWire(publicUrl::get);
            Webhooks webhooks = new Webhooks(database.transactions(), outbox, dispatcher, config.webhooks(), clock);
            RequestJournal journal = new RequestJournal(RequestJournal.DEFAULT_CAPACITY, clock);
            // The payment page shows a payment's webhooks and requests through the sections that own them.
            WebhooksSection webhooksSection = new WebhooksSection(webhooks, backoffice.keys());
            RequestsSection requestsSection = new RequestsSection(journal, backoffice.keys());
            // In this order: the site publishes the bank's methods registered before it, and the checkout's bank app
            // answers at /{qrcId}, which would shadow any one-segment path registered after it.
            List<Endpoints> features = List.of(
                    new CustomersApi(directory, responses),
                    new PaymentsApi(payments, directory, clock, bodies, responses, paymentWire),
                    new ConsentsApi(new ConsentService(database.transactions(), clock), bodies, responses),
                    new WebhooksApi(webhooks, bodies, responses),
                    new ControlApi(payments, clock, bodies, responses, paymentWire),
                    new PublicKeys(backoffice.signingKey(), responses),
                    new SitePages(json, publicUrl::get, responses),
                    new ConsoleSite(
                            backoffice.users(),
                            publicUrl::get,
                            List.of(
                                    new HomeSection(new Turnover(database.transactions(), clock), directory),
                                    new CompaniesSection(directory),
                                    new IntegrationsSection(
                                            backoffice.keys(),
                                            new KeyRequests(
                                                    database.transactions(),
                                                    backoffice.keys(),
                                                    devPhone,
                                                    clock,
                                                    backoffice.signingKey().derivedSecret("tochka key requests")),
                                            directory,
                                            backoffice.users(),
                                            devPhone,
                                            clock),
                                    new PaymentsSection(
                                            payments,
                                            new PaymentSearch(database.transactions(), clock),
                                            directory,
                                            backoffice.users(),
                                            clock,
                                            config.controlEnabled(),
                                            webhooksSection,
                                            requestsSection),
                                    webhooksSection,
                                    requestsSection,
                                    new DevelopersSection(
                                            backoffice.keys(),
                                            clock,
                                            publicUrl::get,
                                            () -> Optional.ofNullable(opened.adminToken()),
                                            config.controlEnabled(),
                                            config.sandboxEnabled()))),
                    new CheckoutSite(payments, checkoutSessions, directory, pageSecret, publicUrl::get));
            Routes.Switches switches =
                    new Routes.Switches(config.controlEnabled(), config.adminEnabled(), config.sandboxEnabled());
            AdminTokens adminTokens = opened.adminTokens();
            Javalin javalin = Javalin.create(javalinConfig -> {
                javalinConfig.startup.showJavalinBanner = false;
                javalinConfig.jetty.host = config.host();
                // Jetty's header cache is off. It reuses the header fields seen on a connection, by default matching
                // their values ignoring case (a bearer token differing from an earlier one only in case was read as
                // that earlier, valid token), and matching case it took a quarter of an API call's CPU walking each
                // request's bearer token through its trie (JFR, docs/benchmarks.md).
                javalinConfig.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
                javalinConfig.routes.beforeMatched(ctx -> clock.refresh());
                // Bodies are read whole, without a thread, under a deadline, before a route sees them.
                RequestGate.install(javalinConfig, json);
                Routes.install(
                        javalinConfig,
                        json,
                        switches,
                        backoffice.keys()::authenticate,
                        adminTokens::matches,
                        backoffice.users()::session,
                        journal,
                        features);
            });
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "expiry-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            try {
                javalin.start(config.host(), config.port());
                publicUrl.portKnown(javalin.port());
                dispatcher.start(!database.isPostgres());
                var unused = sweeper.scheduleWithFixedDelay(
                        () -> {
                            try {
                                payments.expireDue();
                            } catch (RuntimeException e) {
                                log.warn("expiry sweep failed; next one in {} s", SWEEP_SECONDS, e);
                            }
                        },
                        SWEEP_SECONDS,
                        SWEEP_SECONDS,
                        TimeUnit.SECONDS);
                // Background work (webhook dispatch, the sweep) sees another node's clock advance within a second.
                var unusedRefresh = sweeper.scheduleWithFixedDelay(
                        () -> {
                            try {
                                clock.refresh();
                            } catch (RuntimeException e) {
                                log.warn("reading the shared clock failed; next try in 1 s", e);
                            }
                        },
                        1,
                        1,
                        TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                new Serving(javalin, dispatcher, sweeper, "").stop();
                throw e;
            }
            return new Serving(javalin, dispatcher, sweeper, publicUrl.get());
        }

        ServerInfo info(Opened opened, Config config) {
            var demoKey = opened.backoffice().keys().demoKey().orElseThrow();
            Company business = opened.backoffice().demoBusiness();
            return new ServerInfo(
                    javalin.port(),
                    publicUrl,
                    business.customerCode(),
                    DemoData.MERCHANT_ID,
                    demoKey.key().clientId(),
                    demoKey.token(),
                    opened.adminToken(),
                    Users.FIRST_ADMIN,
                    opened.consolePassword(),
                    config.controlEnabled(),
                    config.adminEnabled(),
                    config.sandboxEnabled(),
                    DemoData.SANDBOX_BUSINESS_CODE,
                    DemoData.SANDBOX_MERCHANT_ID);
        }

        void stop() {
            sweeper.shutdownNow();
            javalin.stop();
            dispatcher.close();
        }
    }

    /**
     * What a started server tells its operator: where it is, what is on, and the demo credentials. {@code adminToken}
     * is null unless this start set or made it: the database keeps only its hash. {@code consolePassword} is the
     * first console admin's ({@code consoleLogin}) password when this start made that admin, and null after.
     */
    public record ServerInfo(
            int port,
            String publicUrl,
            String customerCode,
            String merchantId,
            String clientId,
            String demoToken,
            @Nullable String adminToken,
            String consoleLogin,
            @Nullable String consolePassword,
            boolean controlEnabled,
            boolean adminEnabled,
            boolean sandboxEnabled,
            String sandboxCustomerCode,
            String sandboxMerchantId) {

        public String apiUrl() {
            return publicUrl + "/uapi";
        }

        public String sandboxUrl() {
            return publicUrl + "/sandbox/v2";
        }

        public String consoleUrl() {
            return publicUrl + "/console";
        }
    }

    /** The base of every absolute URL the server writes; known once the port is. */
    private static final class PublicUrl {
        private final @Nullable String configured;
        private volatile @Nullable String url;

        PublicUrl(@Nullable String configured) {
            this.configured = configured;
        }

        void portKnown(int port) {
            url = configured != null ? stripSlash(configured) : "http://localhost:" + port;
        }

        String get() {
            String known = url;
            if (known == null) throw new IllegalStateException("the server has not started yet");
            return known;
        }

        private static String stripSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** Everything the server and the offline CLI share: the signing key, the keys, the console's users, the demo data. */
    public record Backoffice(Database database, SigningKey signingKey, Keys keys, Users users) {

        /** Seeds the demo world and its key on first use, and loads the signing key. */
        public static Backoffice open(Database database, ServerClock clock) {
            SigningKey signingKey = SigningKey.loadOrCreate(database.transactions(), clock.instant());
            Keys keys = new Keys(database.transactions(), signingKey, clock);
            DemoData.seed(database.transactions());
            if (!keys.hasDemoKey()) {
                var codes = new DirectoryService(database.transactions()).demoCustomerCodes();
                keys.issue("Демо-ключ", java.util.Set.copyOf(Permission.ACQUIRING), codes, null, true);
            }
            Users users =
                    new Users(database.transactions(), Clock.systemUTC(), signingKey.derivedSecret("tochka console"));
            return new Backoffice(database, signingKey, keys, users);
        }

        public Company demoBusiness() {
            return new DirectoryService(database.transactions()).demoBusiness();
        }
    }
}
