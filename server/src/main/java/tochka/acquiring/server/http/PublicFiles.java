package tochka.acquiring.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Files of the jar that anyone may fetch, served by Javalin's static-file handler: under {@code hostedPath}, exactly
 * the named {@code files} of the classpath folder {@code folder} and nothing else of it (a folder may hold more, as
 * a webjar does), with a {@code Cache-Control} of their own and {@code nosniff}. Anything else under the path is
 * left to the routes, which answer the bank's 404 body.
 *
 * <p>Javalin also sends a weak {@code ETag} with each file and answers a matching {@code If-None-Match} with 304.
 * A route takes precedence over a file (Javalin serves files only where no route matches), so a file cannot be
 * served at a path a route also matches, such as {@code /favicon.ico} under the bank app's {@code /{qrcId}}.
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

    void addTo(JavalinConfig config) {
        // The raw request URI: an encoded name (..%2F, say) never equals one of the files' plain names.
        Set<String> served = files.stream().map(file -> hostedPath + "/" + file).collect(Collectors.toSet());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", cacheControl);
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = folder;
            files.location = Location.CLASSPATH;
            files.headers = headers;
            files.skipFileFunction = request -> !served.contains(request.getRequestURI());
            types.forEach((extension, type) -> files.mimeTypes.add(type, extension));
        });
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
