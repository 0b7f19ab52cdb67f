package tochka.acquiring.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.HtmlPages;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.QueryParams;
import tochka.acquiring.server.http.RequestJournal;
import tochka.acquiring.server.http.RequestJournal.Entry;
import tochka.acquiring.server.keys.Keys;

/**
 * The request log: the last calls of the APIs this node served ({@link RequestJournal}), newest first, and each
 * call's bodies, masked. An admin sees every call; a company user only those made by keys whose companies are all
 * theirs, and another's call answers 404 like one no longer kept.
 */
public final class RequestsSection implements ConsoleSection {

    /** Calls on a page of the log. */
    static final int PAGE_SIZE = 100;

    private static final ObjectMapper PRETTY = new ObjectMapper();

    private final RequestJournal journal;
    private final Keys keys;

    public RequestsSection(RequestJournal journal, Keys keys) {
        this.journal = journal;
        this.keys = keys;
    }

    /** The log's page: one page of calls, optionally of one client_id. */
    public record RequestsPage(
            Chrome chrome,
            List<Entry> requests,
            @Nullable String clientId,
            int capacity,
            int page,
            @Nullable String previousUrl,
            @Nullable String nextUrl)
            implements View {
        @Override
        public String template() {
            return "requests";
        }
    }

    /** One call with its bodies, pretty-printed when they are whole JSON; {@code keyName} of its client_id. */
    public record RequestPage(Chrome chrome, Entry request, String keyName, String requestBody, String responseBody)
            implements View {
        @Override
        public String template() {
            return "requests-entry";
        }
    }

    @Override
    public void addTo(ConsolePages pages) {
        pages.get("/console/requests", Section.REQUESTS, this::list);
        pages.get("/console/requests/{id}", Section.REQUESTS, this::entry);
    }

    /**
     * The calls kept on this node whose path or bodies mention {@code id} (a payment's operationId) and that
     * {@code operator} may see, newest first: for the payment's page, with the partial
     * {@code console/requests-table.jte}.
     */
    public List<Entry> touching(Operator operator, String id) {
        Visibility visibility = Visibility.of(operator, keys);
        return journal.touching(id).stream()
                .filter(entry -> visibility.sees(entry.clientId()))
                .toList();
    }

    private void list(Context ctx, Operator operator) {
        Problems problems = new Problems();
        QueryParams params = new QueryParams(ctx, problems);
        String wanted = params.optional("clientId");
        String clientId = wanted == null || wanted.isBlank() ? null : wanted.trim();
        int page = params.integer("page", 1, 1, 1000);
        problems.throwIfAny();
        Visibility visibility = Visibility.of(operator, keys);
        List<Entry> visible = journal.recent().stream()
                .filter(entry -> visibility.sees(entry.clientId()))
                .filter(entry -> clientId == null || clientId.equals(entry.clientId()))
                .toList();
        int from = Math.min(visible.size(), (page - 1) * PAGE_SIZE);
        int to = Math.min(visible.size(), from + PAGE_SIZE);
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                200,
                new RequestsPage(
                        ConsolePages.chrome(ctx, t, operator, Section.REQUESTS, t.get("requests.title"), null),
                        visible.subList(from, to),
                        clientId,
                        journal.capacity(),
                        page,
                        page > 1 ? pageUrl(clientId, page - 1) : null,
                        to < visible.size() ? pageUrl(clientId, page + 1) : null));
    }

    private void entry(Context ctx, Operator operator) {
        String id = ctx.pathParam("id");
        long number;
        try {
            number = id.length() > 18 ? -1 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            number = -1;
        }
        Visibility visibility = Visibility.of(operator, keys);
        Entry entry = journal.find(number)
                .filter(found -> visibility.sees(found.clientId()))
                .orElseThrow(() -> Rejected.notFound(
                        "request " + (id.length() > 20 ? id.substring(0, 20) + "..." : id) + " is not in the log"
                                + " (it keeps the last " + journal.capacity() + " calls of this server)"));
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                200,
                new RequestPage(
                        ConsolePages.chrome(
                                ctx, t, operator, Section.REQUESTS, t.format("requests.entry.title", entry.id()), null),
                        entry,
                        entry.clientId() == null
                                ? ""
                                : visibility.keyName(entry.clientId()).orElse(""),
                        pretty(entry.requestBody(), entry.requestCut()),
                        pretty(entry.responseBody(), entry.responseCut())));
    }

    /** A whole JSON body indented for reading; anything else (cut, not JSON) as it came. */
    static String pretty(String body, boolean cut) {
        if (cut || body.isEmpty() || !(body.startsWith("{") || body.startsWith("["))) return body;
        try {
            JsonNode tree = PRETTY.readTree(body);
            return tree == null ? body : tree.toPrettyString();
        } catch (java.io.IOException | RuntimeException e) {
            return body;
        }
    }

    private static String pageUrl(@Nullable String clientId, int page) {
        return "/console/requests?page=" + page + (clientId == null ? "" : "&clientId=" + HtmlPages.encode(clientId));
    }
}
