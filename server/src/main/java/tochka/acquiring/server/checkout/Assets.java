package tochka.acquiring.server.checkout;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' own stylesheet, script and icon, read once from the classpath: the only ones the CSP lets them load.
 */
final class Assets {

    private static final Map<String, Asset> FILES = Map.of(
            "checkout.css", load("checkout.css", "text/css; charset=utf-8"),
            "sbp.js", load("sbp.js", "text/javascript; charset=utf-8"),
            "favicon.svg", load("favicon.svg", "image/svg+xml"),
            "favicon.ico", load("favicon.ico", "image/x-icon"));

    /** A file's bytes and type (a class, not a record: records compare arrays by identity). */
    private static final class Asset {
        private final byte[] bytes;
        private final String contentType;

        Asset(byte[] bytes, String contentType) {
            this.bytes = bytes;
            this.contentType = contentType;
        }
    }

    private Assets() {}

    public static void serve(Context ctx) {
        serve(ctx, ctx.pathParam("file"));
    }

    /**
     * {@code /favicon.ico}: browsers ask for it on every page they show without a {@code <link rel="icon">} (the
     * API's JSON, say), and a 404 for each would only clutter the log.
     */
    public static void favicon(Context ctx) {
        serve(ctx, "favicon.ico");
    }

    private static void serve(Context ctx, String file) {
        Asset asset = FILES.get(file);
        if (asset == null) throw new NotFoundResponse("no asset " + file);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(asset.contentType).result(asset.bytes);
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream("/checkout/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource /checkout/" + name);
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
