package tochka.acquiring.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Hmac;

/**
 * Files of the jar that anyone may fetch: under {@code hostedPath}, exactly the named {@code files} of the classpath
 * folder {@code folder} and nothing else of it (a folder may hold more, as a webjar does), with a {@code
 * Cache-Control} of their own and {@code nosniff}. Anything else under the path is left to the routes, which answer
 * the bank's 404 body.
 *
 * <p>Each file is read into memory when the routes are installed and served by a route of its own, with a weak
 * {@code ETag} from its digest (a matching {@code If-None-Match} gets 304). Not Javalin's static-file handler: that
 * mounts the server's jar as a zip file system for each folder, indexing all of its 18,000 entries every time, which
 * was a fifth of the server's start; these few small files need none of it.
 *
 * @param types content types by file extension (lower case, no dot), for every extension of {@code files}
 */
public record PublicFiles(
        String hostedPath, String folder, Set<String> files, String cacheControl, Map<String, String> types) {

    public PublicFiles {
        if (!hostedPath.startsWith("/") || hostedPath.endsWith("/")) {
            throw new IllegalArgumentException("hostedPath " + hostedPath + " must start and not end with /");
        }
        files = Set.copyOf(files);
        types = Map.copyOf(types);
        for (String file : files) {
            if (!types.containsKey(extension(file))) throw new IllegalArgumentException("no content type for " + file);
        }
    }

    void addTo(Routes routes) {
        for (String file : files) {
            byte[] body = read(folder + "/" + file);
            String type = types.get(extension(file));
            String etag = "W/\"" + HexFormat.of().formatHex(Hmac.sha256(body), 0, 16) + "\"";
            Handler serve = ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", cacheControl);
                ctx.header("ETag", etag);
                if (matches(ctx.header("If-None-Match"), etag)) {
                    ctx.status(HttpStatus.NOT_MODIFIED);
                } else {
                    ctx.contentType(type).result(body);
                }
            };
            routes.page(HandlerType.GET, hostedPath + "/" + file, serve);
            routes.page(HandlerType.HEAD, hostedPath + "/" + file, serve);
        }
    }

    /** Whether an {@code If-None-Match} header names {@code etag}: weakly, as for a GET (RFC 9110, 13.1.2). */
    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String opaque = etag.substring(2);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals(opaque)) return true;
        }
        return false;
    }

    private static byte[] read(String resource) {
        try (InputStream in = PublicFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the jar lacks " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
