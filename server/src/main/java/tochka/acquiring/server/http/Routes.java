package tochka.acquiring.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Principal;
import tochka.acquiring.server.core.Rejected;

/**
 * The route table. Every route names its audience, and the table checks it before the handler runs:
 * <ul>
 *   <li>{@link #bank}: a method of the bank's Open API, under {@code /uapi} (keys this server issued) and
 *       {@code /sandbox/v2} (the bank's literal sandbox token), behind the permission the spec's {@code security}
 *       block names;
 *   <li>{@link #control} and {@link #admin}: our test-control and operator APIs, behind the admin token;
 *   <li>{@link #console}: the console's pages and forms, behind a signed-in session; every form also carries the
 *       session's anti-CSRF token;
 *   <li>{@link #page}: what anyone may open: pages, assets, public keys. Checkout pages carry their own per-payment
 *       tokens, which are capabilities of the buyer's page, not callers' credentials.
 * </ul>
 * The sandbox, the test-control API and the admin API can each be turned off: their routes then answer 404 in the
 * bank's body, before any authentication.
 */
public final class Routes {

    /** A bank method's handler, given the authenticated caller. */
    @FunctionalInterface
    public interface BankHandler {
        void handle(Context ctx, Principal principal) throws Exception;
    }

    /** Authenticates a bank caller from its {@code Authorization} header; {@code sandbox} for {@code /sandbox/v2}. */
    @FunctionalInterface
    public interface Authenticator {
        Principal authenticate(@Nullable String authorization, boolean sandbox);
    }

    /** A console page's or form's handler, given the signed-in user. */
    @FunctionalInterface
    public interface ConsoleHandler {
        void handle(Context ctx, Operator operator) throws Exception;
    }

    /** Finds the signed-in user of a console session's cookie. */
    @FunctionalInterface
    public interface Sessions {
        Optional<Operator> find(@Nullable String sessionCookie);
    }

    /** Which optional parts of the server are on. */
    public record Switches(boolean control, boolean admin, boolean sandbox) {}

    /** The console session's cookie: HttpOnly, SameSite=Strict, only under {@code /console}. */
    public static final String SESSION_COOKIE = "tochka_session";
    /** The form field that carries the session's anti-CSRF token. */
    public static final String CSRF_FIELD = "csrf";
    /** Where a console user signs in; {@code ?next=} is where they were going. */
    public static final String SIGN_IN_PAGE = "/console/login";
    /** Where a user who must choose a new password is sent, whatever they asked for. */
    public static final String PASSWORD_PAGE = "/console/password";
    /** Where a user signs out: open to a user who must change their password too. */
    public static final String SIGN_OUT = "/console/logout";

    private static final String UAPI = "/uapi";
    private static final String SANDBOX = "/sandbox/v2";

    private final JavalinConfig config;
    private final Switches switches;
    private final Authenticator keys;
    private final Predicate<@Nullable String> adminToken;
    private final Sessions sessions;
    /** The bank's operations registered by {@link #bank}: what {@code /openapi.json} publishes. */
    private final Set<BankOperation> bankOperations = new LinkedHashSet<>();

    private Routes(
            JavalinConfig config,
            Switches switches,
            Authenticator keys,
            Predicate<@Nullable String> adminToken,
            Sessions sessions) {
        this.config = config;
        this.switches = switches;
        this.keys = keys;
        this.adminToken = adminToken;
        this.sessions = sessions;
    }

    /**
     * Installs the server's JSON mapper as Javalin's (so {@code ctx.json} writes what the bank writes), the edge
     * checks, the request log (keeping the API's calls in {@code journal}) and the error mapping, then every feature's routes in the order given (the last may
     * hold catch-all paths such as the SBP bank app's {@code /{qrcId}}).
     */
    public static void install(
            JavalinConfig config,
            ObjectMapper json,
            Switches switches,
            Authenticator keys,
            Predicate<@Nullable String> adminToken,
            Sessions sessions,
            RequestJournal journal,
            List<Endpoints> features) {
        config.jsonMapper(new JavalinJackson(json, false));
        config.http.maxRequestSize = ErrorMapper.MAX_BODY_BYTES;
        config.requestLogger.http(new RequestLog(journal));
        config.routes.before(EdgeChecks::check);
        Routes routes = new Routes(config, switches, keys, adminToken, sessions);
        features.forEach(feature -> feature.addTo(routes));
        ErrorMapper errors = new ErrorMapper(json);
        config.routes.exception(Rejected.class, errors::rejected);
        config.routes.exception(HttpResponseException.class, errors::httpError);
        config.routes.exception(Exception.class, errors::unexpected);
    }

    /**
     * A bank method under both prefixes, behind a key and {@code permission} (null: any valid key); under
     * {@code /sandbox/v2} only while the sandbox is on.
     */
    public void bank(HandlerType method, String path, @Nullable Permission permission, BankHandler handler) {
        bankOperations.add(new BankOperation(method.name(), path));
        for (String prefix : List.of(UAPI, SANDBOX)) {
            boolean sandbox = prefix.equals(SANDBOX);
            if (sandbox && !switches.sandbox()) {
                config.routes.addHttpHandler(method, prefix + path, turnedOff(SANDBOX, "--no-sandbox"));
                continue;
            }
            config.routes.addHttpHandler(method, prefix + path, ctx -> {
                Principal principal = keys.authenticate(ctx.header("Authorization"), sandbox);
                RequestLog.caller(ctx, principal.clientId());
                if (permission != null) principal.require(permission);
                handler.handle(ctx, principal);
            });
        }
    }

    /** Our test-control API ({@code /control/v1...}): behind the admin token, while test control is on. */
    public void control(HandlerType method, String path, Handler handler) {
        behindAdminToken(method, path, "/control/v1", switches.control() ? handler : null, "--no-control");
    }

    /** Our operator API ({@code /admin/v1...}): behind the admin token, while the admin API is on. */
    public void admin(HandlerType method, String path, Handler handler) {
        behindAdminToken(method, path, "/admin/v1", switches.admin() ? handler : null, "--no-admin");
    }

    /**
     * A console page or form under {@code /console}, behind a signed-in session. Without one, a page sends the
     * browser to sign in (and back here after); a form is refused. A form (any method but GET) is refused unless it
     * carries the session's anti-CSRF token in {@link #CSRF_FIELD}. A user who must choose a new password is sent
     * to {@link #PASSWORD_PAGE} from every page but that one and {@link #SIGN_OUT}.
     */
    public void console(HandlerType method, String path, ConsoleHandler handler) {
        if (!path.startsWith("/console/") && !path.equals("/console")) {
            throw new IllegalArgumentException(path + " is not under /console");
        }
        boolean form = method != HandlerType.GET;
        config.routes.addHttpHandler(method, path, ctx -> {
            Operator operator = sessions.find(ctx.cookie(SESSION_COOKIE)).orElse(null);
            if (operator == null) {
                if (form) {
                    refuse(ctx, "Your console session has ended: sign in again at " + SIGN_IN_PAGE + ".");
                } else {
                    String here = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
                    ctx.redirect(SIGN_IN_PAGE + "?next=" + HtmlPages.encode(here), HttpStatus.SEE_OTHER);
                }
                return;
            }
            if (form && !sameToken(operator.csrfToken(), ctx.formParam(CSRF_FIELD))) {
                refuse(
                        ctx,
                        "This form did not come from your console session (its CSRF token is missing or wrong):"
                                + " open the page again and resubmit.");
                return;
            }
            RequestLog.caller(ctx, "console:" + operator.login());
            if (operator.mustChangePassword() && !path.equals(PASSWORD_PAGE) && !path.equals(SIGN_OUT)) {
                ctx.redirect(PASSWORD_PAGE, HttpStatus.SEE_OTHER);
                return;
            }
            handler.handle(ctx, operator);
        });
    }

    /** What anyone may open, with no credentials. */
    public void page(HandlerType method, String path, Handler handler) {
        config.routes.addHttpHandler(method, path, handler);
    }

    /** Files anyone may fetch, with no credentials: see {@link PublicFiles}. */
    public void files(PublicFiles files) {
        files.addTo(this);
    }

    /** The bank's operations registered so far, live: read when a document is built, after all are registered. */
    public Set<BankOperation> bankOperations() {
        return Collections.unmodifiableSet(bankOperations);
    }

    /** Whether the test-control API is on: pages that link to it say so. */
    public boolean controlEnabled() {
        return switches.control();
    }

    private void behindAdminToken(
            HandlerType method, String path, String part, @Nullable Handler handler, String flag) {
        if (!path.startsWith(part + "/")) throw new IllegalArgumentException(path + " is not under " + part);
        if (handler == null) {
            config.routes.addHttpHandler(method, path, turnedOff(part, flag));
            return;
        }
        config.routes.addHttpHandler(method, path, ctx -> {
            requireAdminToken(ctx);
            handler.handle(ctx);
        });
    }

    /**
     * The operator's token, checked against the hash in the database on every call, so a token set on one node of
     * a cluster holds on all of them at once.
     *
     * @throws Rejected (403) unless the request carries {@code Authorization: Bearer <admin token>}
     */
    private void requireAdminToken(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
        if (!adminToken.test(token)) {
            throw Rejected.forbidden("this endpoint needs Authorization: Bearer <admin token> (TOCHKA_ADMIN_TOKEN)");
        }
        RequestLog.caller(ctx, "admin");
    }

    private static boolean sameToken(String expected, @Nullable String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A console request refused before its handler: 403 with a plain page saying why. */
    private static void refuse(Context ctx, String why) {
        PageHeaders.write(ctx, "style-src 'none'", true);
        ctx.status(HttpStatus.FORBIDDEN)
                .contentType("text/plain; charset=utf-8")
                .result("403 Forbidden: " + why);
    }

    /** What a turned-off part answers: 404 in the bank's body, naming the flag, before any authentication. */
    private static Handler turnedOff(String part, String flag) {
        return ctx -> {
            throw Rejected.notFound(part + " is turned off on this server (tochka serve " + flag + ")");
        };
    }
}
