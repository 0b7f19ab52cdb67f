package tochka.acquiring.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Shown;

/**
 * What every request must satisfy before any route reads it: no NUL character in the path, a query parameter or a
 * posted form field ({@code %00} decodes to one, and PostgreSQL cannot store or even compare it; Jetty itself refuses
 * one in the raw path), and no multipart body on the pages, whose forms are all URL-encoded: a multipart parser would
 * only add a way to fail (a broken one answered 500) and files spooled to disk. Refused with a 400 that names the
 * parameter.
 */
final class EdgeChecks {

    private EdgeChecks() {}

    static void check(Context ctx) {
        Problems problems = new Problems();
        // Javalin decodes path parameters when a handler asks for them, and a stray % there (%u0041) is an exception.
        if (!wellEncoded(ctx.req().getRequestURI())) {
            problems.add("path", "a % must be followed by two hexadecimal digits");
        }
        if (ctx.path().indexOf('\0') >= 0) problems.add("path", "must not contain the NUL character (%00)");
        parameters(problems, ctx.queryParamMap());
        String contentType = ctx.contentType();
        String mime = contentType == null ? "" : contentType.strip().toLowerCase(java.util.Locale.ROOT);
        if (!RequestLog.isApi(ctx.path())) {
            if (mime.startsWith("multipart/")) {
                problems.add("Content-Type", "the pages take application/x-www-form-urlencoded forms only");
            } else if (mime.startsWith("application/x-www-form-urlencoded")) {
                parameters(problems, ctx.formParamMap());
            }
        }
        problems.throwIfAny();
    }

    /** Whether every {@code %} of {@code uri} starts a percent-encoded byte. */
    private static boolean wellEncoded(String uri) {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
            if (i + 2 >= uri.length() || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void parameters(Problems problems, Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0) {
                problems.add(shown(name), "parameter name must not contain the NUL character (%00)");
            } else if (values.stream().filter(Objects::nonNull).anyMatch(value -> value.indexOf('\0') >= 0)) {
                problems.add(shown(name), "must not contain the NUL character (%00)");
            }
        });
    }

    private static String shown(@Nullable String name) {
        return Shown.cut(String.valueOf(name).replace("\0", "%00"));
    }
}
