package tochka.acquiring.server.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.console.PostmanFiles.AdminToken;
import tochka.acquiring.server.console.PostmanFiles.ChosenKey;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.PageHeaders;
import tochka.acquiring.server.keys.ApiKey;
import tochka.acquiring.server.keys.Keys;

/**
 * The Developers page: where the API and its public keys are, the docs, and a Postman collection and environment
 * made for this server, as the bank's documentation hands out its own. The environment carries the token of a key
 * the user picks among the keys they see (a company user: only keys of their companies) and, for an admin, the
 * admin token when this run of the server knows it; both downloads are behind the session and never cached.
 */
public final class DevelopersSection implements ConsoleSection {

    static final String PAGE = "/console/developers";
    static final String COLLECTION = PAGE + "/postman/collection.json";
    static final String ENVIRONMENT = PAGE + "/postman/environment.json";

    /** A key the user may put into the environment; {@code label} names it, its client_id and its companies. */
    public record KeyChoice(String clientId, String label, boolean selected) {}

    /** The page: the addresses, the key to download the environment for, and what the environment holds. */
    public record DevelopersPage(
            Chrome chrome,
            String publicUrl,
            String apiUrl,
            boolean sandbox,
            String sandboxUrl,
            String sandboxToken,
            boolean control,
            String controlUrl,
            List<KeyChoice> keys,
            String adminNote)
            implements View {
        @Override
        public String template() {
            return "developers";
        }

        public String collectionHref() {
            return COLLECTION;
        }

        public String environmentHref() {
            return ENVIRONMENT;
        }
    }

    private final Keys keys;
    private final Clock clock;
    private final Supplier<String> publicUrl;
    private final Supplier<Optional<String>> adminToken;
    private final boolean control;
    private final boolean sandbox;

    /**
     * {@code adminToken}: the admin token when this run of the server knows it (it set or made it), else empty;
     * {@code control} and {@code sandbox}: whether those parts of the server are on.
     */
    public DevelopersSection(
            Keys keys,
            Clock clock,
            Supplier<String> publicUrl,
            Supplier<Optional<String>> adminToken,
            boolean control,
            boolean sandbox) {
        this.keys = keys;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.adminToken = adminToken;
        this.control = control;
        this.sandbox = sandbox;
    }

    @Override
    public void addTo(ConsolePages pages) {
        pages.get(PAGE, Section.DEVELOPERS, this::page);
        pages.get(COLLECTION, Section.DEVELOPERS, this::collection);
        pages.get(ENVIRONMENT, Section.DEVELOPERS, this::environment);
    }

    private void page(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        List<ApiKey> visible = visibleKeys(operator);
        ApiKey chosen = chosen(ctx, visible);
        String root = publicUrl.get();
        List<KeyChoice> choices = visible.stream()
                .map(key -> new KeyChoice(key.clientId(), label(key), key == chosen))
                .toList();
        ConsolePages.render(
                ctx,
                200,
                new DevelopersPage(
                        ConsolePages.chrome(ctx, t, operator, Section.DEVELOPERS, t.get("developers.title"), null),
                        root,
                        root + "/uapi",
                        sandbox,
                        root + "/sandbox/v2",
                        Keys.SANDBOX_TOKEN,
                        control,
                        root + "/control/v1",
                        choices,
                        t.get(adminTokenState(operator).textKey())));
    }

    private void collection(Context ctx, Operator operator) {
        attachment(ctx, PostmanFiles.COLLECTION_FILE, PostmanFiles.collection(publicUrl.get()));
    }

    private void environment(Context ctx, Operator operator) {
        ApiKey chosen = chosen(ctx, visibleKeys(operator));
        AdminToken state = adminTokenState(operator);
        String token = state == AdminToken.INCLUDED ? adminToken.get().orElse(null) : null;
        ChosenKey key = chosen == null ? null : new ChosenKey(chosen.clientId(), chosen.name(), keys.token(chosen));
        attachment(ctx, PostmanFiles.ENVIRONMENT_FILE, PostmanFiles.environment(publicUrl.get(), key, token, state));
    }

    /** The keys whose token this user may take: working ones, of their companies only (an admin: every one). */
    private List<ApiKey> visibleKeys(Operator operator) {
        Instant now = clock.instant();
        return keys.list().stream()
                .filter(key -> !key.isRevoked() && !key.isExpired(now))
                .filter(key -> operator.seesAll(key.customerCodes()))
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::clientId))
                .toList();
    }

    /**
     * The key of {@code ?key=}, or the oldest the user sees (the demo key, for an admin); null when they see none.
     * Another company's key, a revoked or an unknown one read alike: not found.
     */
    private static @Nullable ApiKey chosen(Context ctx, List<ApiKey> visible) {
        String wanted = ctx.queryParam("key");
        if (wanted == null || wanted.isEmpty()) return visible.isEmpty() ? null : visible.get(0);
        return visible.stream()
                .filter(key -> key.clientId().equals(wanted))
                .findFirst()
                .orElseThrow(() -> Rejected.notFound("key not found"));
    }

    private AdminToken adminTokenState(Operator operator) {
        if (!control) return AdminToken.CONTROL_OFF;
        if (!operator.admin()) return AdminToken.NOT_ADMIN;
        return adminToken.get().isPresent() ? AdminToken.INCLUDED : AdminToken.UNKNOWN;
    }

    private static String label(ApiKey key) {
        return key.name() + " · " + key.clientId() + " · "
                + String.join(", ", key.customerCodes().stream().sorted().toList());
    }

    /** A JSON file to save, never cached: the environment holds tokens. */
    private static void attachment(Context ctx, String fileName, ObjectNode json) {
        PageHeaders.write(ctx, "style-src 'none'", true);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.status(200).contentType("application/json; charset=utf-8").result(json.toPrettyString());
    }
}
