package tochka.acquiring.server.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.http.BankOperation;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.PageHeaders;
import tochka.acquiring.server.http.PublicFiles;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;

/**
 * The server's front door, for a developer with a browser: {@code /} (what this is and where everything is),
 * {@code /openapi.json} (the bank's document, pointing at this server), {@code /openapi-control.json} (our
 * test-control and admin API) and {@code /docs} (Swagger UI over both, served from this jar: no CDN).
 */
public final class SitePages implements Endpoints {

    private static final String ASSETS = "/site/assets";
    private static final String ASSETS_CACHE = "public, max-age=3600";
    private static final Map<String, String> ASSET_TYPES =
            Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");
    /** Swagger UI's files that {@code /docs} loads, from the webjar; nothing else of the webjar is served. */
    private static final PublicFiles SWAGGER_FILES = new PublicFiles(
            ASSETS,
            "/META-INF/resources/webjars/swagger-ui/" + swaggerVersion(),
            Set.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"),
            ASSETS_CACHE,
            ASSET_TYPES);
    /** Our script that starts Swagger UI and our stylesheet; not the folder's documents. */
    private static final PublicFiles OWN_FILES =
            new PublicFiles(ASSETS, "/site", Set.of("docs.js", "site.css"), ASSETS_CACHE, ASSET_TYPES);

    private final ObjectMapper json;
    private final Supplier<String> publicUrl;
    private final Responses responses;
    /** The bank's operations this server serves, as registered in the route table; known once routes are added. */
    private Set<BankOperation> implemented = Set.of();

    private boolean controlEnabled;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    /** Built on first request: the public URL is known only once the server listens. */
    private volatile String bankDocument = "";

    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();

    public SitePages(ObjectMapper json, Supplier<String> publicUrl, Responses responses) {
        this.json = json;
        this.publicUrl = publicUrl;
        this.responses = responses;
    }

    /** Add after the bank's methods: the published document lists those registered before. */
    @Override
    public void addTo(Routes routes) {
        implemented = Set.copyOf(routes.bankOperations());
        controlEnabled = routes.controlEnabled();
        routes.page(HandlerType.GET, "/", this::landing);
        routes.page(HandlerType.GET, "/docs", this::docs);
        routes.page(HandlerType.GET, "/openapi.json", this::bankOpenApi);
        routes.page(HandlerType.GET, "/openapi-control.json", this::controlOpenApi);
        routes.files(SWAGGER_FILES);
        routes.files(OWN_FILES);
        routes.page(HandlerType.GET, "/health", ctx -> responses.ok(ctx, Map.of("status", "ok")));
    }

    /** What links the landing page shows. */
    public record Landing(String apiUrl, String sandboxUrl, boolean controlEnabled) {}

    public void landing(Context ctx) {
        String base = publicUrl.get();
        render(
                ctx,
                "site/landing.jte",
                new Landing(base + "/uapi", base + "/sandbox/v2", controlEnabled),
                "style-src 'self'; img-src 'self'");
    }

    public void docs(Context ctx) {
        // Swagger UI writes style attributes and inline SVG icons; its scripts are still only ours.
        render(
                ctx,
                "site/docs.jte",
                null,
                "style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                        + " font-src 'self' data:; connect-src 'self'");
    }

    public void bankOpenApi(Context ctx) {
        String document = bankDocument;
        if (document.isEmpty()) {
            document = OpenApiDocument.forServer(json, publicUrl.get(), implemented);
            bankDocument = document;
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/json").result(document);
    }

    public void controlOpenApi(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/json").result(resource("/site/control-openapi.json"));
    }

    /** Renders {@code template} with its one typed parameter ({@code view}; null for a template that takes none). */
    private void render(Context ctx, String template, @Nullable Object view, String policy) {
        StringOutput html = new StringOutput();
        if (view == null) templates.render(template, Map.of(), html);
        else templates.render(template, view, html);
        PageHeaders.write(ctx, "script-src 'self'; " + policy + "; form-action 'self'", false);
        ctx.contentType("text/html; charset=utf-8").result(html.toString());
    }

    private byte[] resource(String path) {
        return assets.computeIfAbsent(path, SitePages::read);
    }

    private static byte[] read(String path) {
        try (InputStream in = SitePages.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, written into {@code site/versions.properties} by the build. */
    private static String swaggerVersion() {
        Properties versions = new Properties();
        try (InputStream in = SitePages.class.getResourceAsStream("/site/versions.properties")) {
            if (in == null) throw new IllegalStateException("missing resource /site/versions.properties");
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions.getProperty("swagger-ui.version");
    }
}
