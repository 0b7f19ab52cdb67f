package tochka.acquiring.server.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.ProblemPage;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.HtmlPages;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.http.Routes.ConsoleHandler;

/**
 * How the console's sections add their pages and render them: every page and form is a {@link Routes#console}
 * route (behind a session and, for forms, the anti-CSRF token); a refusal of a service ({@link Rejected}) becomes a
 * page with its status and message instead of the API's JSON body; every page carries the console's headers.
 */
public final class ConsolePages {

    static final String BUNDLE = "console";

    /** Our own styles, images and scripts only; forms post only to us; live updates poll only us. */
    private static final String SOURCES =
            "style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'";

    private final Routes routes;

    ConsolePages(Routes routes) {
        this.routes = routes;
    }

    /** A page of {@code section} at {@code path}. */
    void get(String path, Section section, ConsoleHandler handler) {
        routes.console(HandlerType.GET, path, guarded(section, handler));
    }

    /** A form of {@code section} posting to {@code path}. */
    void post(String path, Section section, ConsoleHandler handler) {
        routes.console(HandlerType.POST, path, guarded(section, handler));
    }

    static Messages messages(Context ctx) {
        return HtmlPages.messages(ctx, BUNDLE);
    }

    /** The page's chrome for {@code operator} (null on the sign-in page); {@code script} under /console/assets. */
    static Chrome chrome(
            Context ctx,
            Messages t,
            @Nullable Operator operator,
            Section section,
            String title,
            @Nullable String script) {
        return new Chrome(
                t,
                title,
                HtmlPages.withLang(ctx, t.otherLang()),
                operator == null ? null : operator.login(),
                operator != null && operator.admin(),
                operator == null ? "" : operator.csrfToken(),
                section,
                script);
    }

    static void render(Context ctx, int status, View view) {
        HtmlPages.render(ctx, status, "console/" + view.template() + ".jte", view, SOURCES);
    }

    /** Shows {@code message} on a page of {@code section}, with {@code status}. */
    static void problem(Context ctx, Operator operator, Section section, int status, String message) {
        Messages t = messages(ctx);
        render(
                ctx,
                status,
                new ProblemPage(chrome(ctx, t, operator, section, t.get("problem.title"), null), status, message));
    }

    private static ConsoleHandler guarded(Section section, ConsoleHandler handler) {
        return (ctx, operator) -> {
            try {
                handler.handle(ctx, operator);
            } catch (Rejected refused) {
                problem(ctx, operator, section, status(refused.kind()), String.join("; ", refused.problems()));
            }
        };
    }

    private static int status(Rejected.Kind kind) {
        return switch (kind) {
            case INVALID, NOT_ALLOWED -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
        };
    }
}
