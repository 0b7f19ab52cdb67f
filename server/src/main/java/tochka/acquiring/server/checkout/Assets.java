package tochka.acquiring.server.checkout;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import tochka.acquiring.server.http.PublicFiles;

/** The pages' own stylesheet, script and icons: the only ones the CSP lets them load. */
final class Assets {

    private static final String CACHE_CONTROL = "public, max-age=300";
    private static final String ICON_TYPE = "image/x-icon";

    /** {@code /order/assets/...}, from the classpath folder {@code checkout}. */
    static final PublicFiles FILES = new PublicFiles(
            "/order/assets",
            "/checkout",
            Set.of("checkout.css", "sbp.js", "favicon.svg", "favicon.ico"),
            CACHE_CONTROL,
            Map.of(
                    "css",
                    "text/css; charset=utf-8",
                    "js",
                    "text/javascript; charset=utf-8",
                    "svg",
                    "image/svg+xml",
                    "ico",
                    ICON_TYPE));

    private static final byte[] FAVICON = read("/checkout/favicon.ico");

    private Assets() {}

    /**
     * {@code /favicon.ico}: browsers ask for it on every page they show without a {@code <link rel="icon">} (the
     * API's JSON, say), and a 404 for each would only clutter the log. Served by hand, not as a {@link PublicFiles}:
     * Javalin serves files only where no route matches, and the bank app's {@code /{qrcId}} matches this path.
     */
    static void favicon(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.contentType(ICON_TYPE).result(FAVICON);
    }

    private static byte[] read(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
