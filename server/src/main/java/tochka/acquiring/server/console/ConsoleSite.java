package tochka.acquiring.server.console;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.PasswordPage;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.SignInPage;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.HtmlPages;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.PublicFiles;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.users.Users;
import tochka.acquiring.server.users.Users.SignIn;

/**
 * The console's frame: its assets, signing in and out, the password page, and its sections. Signing in is a form
 * before any session, so its anti-CSRF token is a random cookie of its own that the form repeats (a page of another
 * site can read neither); every later form carries the session's token, which {@link Routes#console} checks.
 */
public final class ConsoleSite implements Endpoints {

    /** The sign-in form's own anti-CSRF cookie, set by the sign-in page. */
    static final String SIGN_IN_COOKIE = "tochka_signin";

    private static final String COOKIE_PATH = "/console";

    static final PublicFiles FILES = new PublicFiles(
            "/console/assets",
            "/console",
            Set.of("console.css", "console.js", "console-live.js"),
            "public, max-age=300",
            Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8"));

    private final Users users;
    private final Supplier<String> publicUrl;
    private final List<ConsoleSection> sections;

    public ConsoleSite(Users users, Supplier<String> publicUrl, List<ConsoleSection> sections) {
        this.users = users;
        this.publicUrl = publicUrl;
        this.sections = List.copyOf(sections);
    }

    @Override
    public void addTo(Routes routes) {
        routes.files(FILES);
        routes.page(HandlerType.GET, Routes.SIGN_IN_PAGE, this::signInPage);
        routes.page(HandlerType.POST, Routes.SIGN_IN_PAGE, this::signIn);
        ConsolePages pages = new ConsolePages(routes);
        pages.post(Routes.SIGN_OUT, Section.NONE, this::signOut);
        pages.get(Routes.PASSWORD_PAGE, Section.NONE, this::passwordPage);
        pages.post(Routes.PASSWORD_PAGE, Section.NONE, this::changePassword);
        sections.forEach(section -> section.addTo(pages));
    }

    // ---- signing in and out -----------------------------------------------------------------------------------

    private void signInPage(Context ctx) {
        renderSignIn(ctx, 200, next(ctx.queryParam("next")), "", null);
    }

    private void signIn(Context ctx) {
        String next = next(ctx.formParam("next"));
        String login = bounded(ctx.formParam("login"), 64);
        String password = bounded(ctx.formParam("password"), Users.MAX_PASSWORD + 1);
        String cookie = ctx.cookie(SIGN_IN_COOKIE);
        Messages t = ConsolePages.messages(ctx);
        if (cookie == null || !same(cookie, ctx.formParam(Routes.CSRF_FIELD))) {
            // Without its cookie (expired, or a form from elsewhere) the form is shown again, with a fresh one.
            renderSignIn(ctx, 403, next, login, t.get("login.expired"));
            return;
        }
        SignIn outcome = users.signIn(login, password);
        if (outcome instanceof SignIn.SignedIn signedIn) {
            ctx.removeCookie(SIGN_IN_COOKIE, COOKIE_PATH);
            ctx.cookie(cookie(Routes.SESSION_COOKIE, signedIn.sessionToken(), -1));
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } else if (outcome instanceof SignIn.Locked locked) {
            String until = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
                    .format(locked.until().atZone(BankTime.ZONE));
            renderSignIn(ctx, 429, next, login, t.format("login.locked", until));
        } else if (outcome instanceof SignIn.Busy) {
            renderSignIn(ctx, 503, next, login, t.get("login.busy"));
        } else {
            renderSignIn(ctx, 401, next, login, t.get("login.wrong"));
        }
    }

    private void renderSignIn(Context ctx, int status, String next, String login, @Nullable String error) {
        String token = Ids.hex(32).toLowerCase(Locale.ROOT);
        ctx.cookie(cookie(SIGN_IN_COOKIE, token, 3600));
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                status,
                new SignInPage(
                        new ConsoleViews.Chrome(
                                t,
                                t.get("login.title"),
                                HtmlPages.withLang(ctx, t.otherLang()),
                                null,
                                false,
                                token,
                                Section.NONE,
                                null),
                        next,
                        login,
                        error));
    }

    private void signOut(Context ctx, Operator operator) {
        users.signOut(ctx.cookie(Routes.SESSION_COOKIE));
        ctx.removeCookie(Routes.SESSION_COOKIE, COOKIE_PATH);
        ctx.redirect(Routes.SIGN_IN_PAGE, HttpStatus.SEE_OTHER);
    }

    // ---- the password -----------------------------------------------------------------------------------------

    private void passwordPage(Context ctx, Operator operator) {
        renderPassword(ctx, operator, 200, null, ctx.queryParam("changed") != null);
    }

    private void changePassword(Context ctx, Operator operator) {
        String current = bounded(ctx.formParam("current"), Users.MAX_PASSWORD + 1);
        String chosen = bounded(ctx.formParam("password"), Users.MAX_PASSWORD + 1);
        Messages t = ConsolePages.messages(ctx);
        if (!chosen.equals(ctx.formParam("repeat"))) {
            renderPassword(ctx, operator, 400, t.get("password.mismatch"), false);
            return;
        }
        try {
            users.changeOwnPassword(operator.userId(), current, chosen, ctx.cookie(Routes.SESSION_COOKIE));
        } catch (Rejected refused) {
            renderPassword(ctx, operator, 400, String.join("; ", refused.problems()), false);
            return;
        }
        ctx.redirect(
                operator.mustChangePassword() ? "/console" : Routes.PASSWORD_PAGE + "?changed", HttpStatus.SEE_OTHER);
    }

    private void renderPassword(Context ctx, Operator operator, int status, @Nullable String error, boolean changed) {
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                status,
                new PasswordPage(
                        ConsolePages.chrome(ctx, t, operator, Section.NONE, t.get("password.title"), null),
                        operator.mustChangePassword(),
                        error,
                        changed));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * Where to go after signing in: a path of the console only, so the sign-in page cannot be made to send a user
     * to another site ({@code //evil.example}, {@code /\evil.example}).
     */
    static String next(@Nullable String next) {
        if (next == null
                || !(next.equals("/console") || next.startsWith("/console/") || next.startsWith("/console?"))
                || next.contains("\\")
                || next.length() > 2000
                || !next.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "/console";
        }
        return next;
    }

    /** A session's or the sign-in form's cookie: HttpOnly, SameSite=Strict, only under /console; Secure over HTTPS. */
    private Cookie cookie(String name, String value, int maxAgeSeconds) {
        boolean https = publicUrl.get().startsWith("https:");
        return new Cookie(name, value, COOKIE_PATH, maxAgeSeconds, https, true, null, SameSite.STRICT);
    }

    private static boolean same(String expected, @Nullable String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String bounded(@Nullable String value, int max) {
        if (value == null) return "";
        return value.length() > max ? value.substring(0, max) : value;
    }
}
