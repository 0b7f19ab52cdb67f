package tochka.acquiring.server.http;

import io.javalin.http.Context;

/**
 * The headers every HTML page (and what a page loads from a route of ours) carries, in one place for the checkout
 * and the site: a Content-Security-Policy that starts from {@code default-src 'none'} and forbids framing and
 * {@code <base>}, with the page's own sources in between; no framing for old browsers either, no sniffing, no
 * referrer; and, for pages with a buyer's data, no caching.
 */
public final class PageHeaders {

    private PageHeaders() {}

    /**
     * {@code sources}: the page's own CSP directives, written between {@code default-src 'none'} and
     * {@code frame-ancestors 'none'; base-uri 'none'} ({@code "script-src 'self'; form-action 'self'"}, say);
     * {@code noStore}: whether the answer must not be kept by a cache.
     */
    public static void write(Context ctx, String sources, boolean noStore) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; " + sources + "; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (noStore) ctx.header("Cache-Control", "no-store");
    }
}
