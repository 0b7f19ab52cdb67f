package tochka.acquiring.server.checkout;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.http.PageHeaders;

/**
 * Renders the jte templates (compiled at build time) with the headers every page carries: a strict
 * Content-Security-Policy (only our own styles, images and script; forms may post only to us and, for the redirect
 * that follows a payment, to the link's own redirect URLs), no framing, no caching, no referrer, no sniffing.
 */
final class Pages {

    static final String LANG_COOKIE = "tochka_lang";

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    /** The language of this request: {@code ?lang=} (remembered in a cookie), then the cookie, then Russian. */
    Messages messages(Context ctx) {
        String lang = ctx.queryParam("lang");
        if ("ru".equals(lang) || "en".equals(lang)) {
            ctx.cookie(new Cookie(LANG_COOKIE, lang, "/", 365 * 24 * 3600, false, true, null, SameSite.LAX));
            return Messages.of(lang);
        }
        return Messages.of(String.valueOf(ctx.cookie(LANG_COOKIE)));
    }

    Views.Page page(Context ctx, Messages t, String title, @Nullable String script) {
        return new Views.Page(t, title, withLang(ctx, t.otherLang()), script);
    }

    /**
     * Renders {@code view} with its page's template (its one typed parameter); {@code formTargets} are URLs a form
     * may redirect on to.
     */
    void render(Context ctx, int status, Views.PageView view, @Nullable String... formTargets) {
        StringOutput html = new StringOutput();
        templates.render("checkout/" + view.template() + ".jte", view, html);
        secure(ctx, formTargets);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
    }

    /** The pages' headers: only our own styles, images, script and polling; forms post to us and {@code formTargets}. */
    static void secure(Context ctx, @Nullable String... formTargets) {
        Set<String> formSources = new TreeSet<>();
        formSources.add("'self'");
        for (String target : formTargets) {
            String origin = origin(target);
            if (origin != null) formSources.add(origin);
        }
        PageHeaders.write(
                ctx,
                "style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action "
                        + String.join(" ", formSources),
                true);
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

    /** This request's path and query with {@code lang} set: the target of the language switch. */
    private static String withLang(Context ctx, String lang) {
        StringBuilder url = new StringBuilder(ctx.path()).append("?lang=").append(lang);
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals("lang")) return;
            for (String value : values) {
                url.append('&').append(encode(name)).append('=').append(encode(value));
            }
        });
        return url.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
