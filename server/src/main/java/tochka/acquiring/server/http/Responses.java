package tochka.acquiring.server.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes 200 JSON bodies with {@code ctx.json} (Javalin's mapper is the server's own, set in {@link Routes#install}),
 * and builds the absolute URLs that go into {@code Links}.
 */
public final class Responses {

    private final Supplier<String> publicUrl;

    public Responses(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** {@code body} as JSON ({@code Content-Type: application/json}, no charset: JSON is UTF-8) with status 200. */
    public void ok(Context ctx, Object body) {
        ctx.status(200).json(body);
    }

    /**
     * The request's own absolute URL, query included: {@code Links.self}. The query is encoded anew from its
     * parameters, so what a caller sent raw (bytes beyond ASCII, brackets, a stray {@code %}) cannot make the link an
     * invalid URI.
     */
    public String self(Context ctx) {
        return url(ctx, ctx.queryParamMap());
    }

    /** The request's URL with {@code page} set: the paginated {@code Links}. */
    public String withPage(Context ctx, int page) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>(ctx.queryParamMap());
        params.put("page", List.of(Integer.toString(page)));
        return url(ctx, params);
    }

    private String url(Context ctx, Map<String, List<String>> params) {
        String query = params.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return publicUrl.get() + ctx.path() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
