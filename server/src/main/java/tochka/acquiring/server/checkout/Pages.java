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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

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

    /** Renders {@code template} with {@code params}; {@code formTargets} are URLs a form may redirect on to. */
    void render(Context ctx, int status, String template, Map<String, Object> params,
            @Nullable String... formTargets) {
        StringOutput html = new StringOutput();
        templates.render("checkout/" + template + ".jte", params, html);
        secure(ctx, formTargets);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
    }

    static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return params;
    }

    static void secure(Context ctx, @Nullable String... formTargets) {
        Set<String> formSources = new TreeSet<>();
        formSources.add("'self'");
        for (String target : formTargets) {
            String origin = origin(target);
            if (origin != null) formSources.add(origin);
        }
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self';"
                + " connect-src 'self'; form-action " + String.join(" ", formSources)
                + "; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
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
