package tochka.acquiring.server.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What every server-rendered page shares, the checkout's and the console's: the jte templates (compiled at build
 * time, so no compiler runs in the server), the language of the request and the link that switches it, and the
 * headers of {@link PageHeaders}.
 */
public final class HtmlPages {

    public static final String LANG_COOKIE = "tochka_lang";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private HtmlPages() {}

    /**
     * The texts of {@code bundle} in this request's language: {@code ?lang=} (remembered in a cookie), then the
     * cookie, then Russian.
     */
    public static Messages messages(Context ctx, String bundle) {
        String lang = ctx.queryParam("lang");
        if ("ru".equals(lang) || "en".equals(lang)) {
            ctx.cookie(new Cookie(LANG_COOKIE, lang, "/", 365 * 24 * 3600, false, true, null, SameSite.LAX));
            return Messages.of(bundle, lang);
        }
        return Messages.of(bundle, String.valueOf(ctx.cookie(LANG_COOKIE)));
    }

    /**
     * Renders {@code template} ({@code "checkout/order.jte"}, say) with its one typed parameter, under the page
     * headers with {@code sources} as the page's own CSP directives; never cached.
     */
    public static void render(Context ctx, int status, String template, Object view, String sources) {
        StringOutput html = new StringOutput();
        TEMPLATES.render(template, view, html);
        PageHeaders.write(ctx, sources, true);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
    }

    /** This request's path and query with {@code lang} set: the target of the language switch. */
    public static String withLang(Context ctx, String lang) {
        StringBuilder url = new StringBuilder(ctx.path()).append("?lang=").append(lang);
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals("lang")) return;
            for (String value : values) {
                url.append('&').append(encode(name)).append('=').append(encode(value));
            }
        });
        return url.toString();
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
