package tochka.acquiring.server.checkout;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.http.HtmlPages;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.PageHeaders;

/**
 * Renders the checkout's jte templates with the headers every page carries: a strict
 * Content-Security-Policy (only our own styles, images and script; forms may post only to us and, for the redirect
 * that follows a payment, to the link's own redirect URLs), no framing, no caching, no referrer, no sniffing.
 */
final class Pages {

    /** The language of this request: {@code ?lang=} (remembered in a cookie), then the cookie, then Russian. */
    Messages messages(Context ctx) {
        return HtmlPages.messages(ctx, "checkout");
    }

    Views.Page page(Context ctx, Messages t, String title, @Nullable String script) {
        return new Views.Page(t, title, HtmlPages.withLang(ctx, t.otherLang()), script);
    }

    /**
     * Renders {@code view} with its page's template (its one typed parameter); {@code formTargets} are URLs a form
     * may redirect on to.
     */
    void render(Context ctx, int status, Views.PageView view, @Nullable String... formTargets) {
        HtmlPages.render(ctx, status, "checkout/" + view.template() + ".jte", view, sources(formTargets));
    }

    /** The pages' headers: only our own styles, images, script and polling; forms post to us and {@code formTargets}. */
    static void secure(Context ctx, @Nullable String... formTargets) {
        PageHeaders.write(ctx, sources(formTargets), true);
    }

    private static String sources(@Nullable String... formTargets) {
        Set<String> formSources = new TreeSet<>();
        formSources.add("'self'");
        for (String target : formTargets) {
            String origin = origin(target);
            if (origin != null) formSources.add(origin);
        }
        return "style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action "
                + String.join(" ", formSources);
    }

    private static @Nullable String origin(@Nullable String url) {
        if (url == null) return null;
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) return null;
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
