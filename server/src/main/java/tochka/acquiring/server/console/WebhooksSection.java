package tochka.acquiring.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.HtmlPages;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.QueryParams;
import tochka.acquiring.server.keys.Keys;
import tochka.acquiring.server.webhooks.WebhookAttempt;
import tochka.acquiring.server.webhooks.WebhookEvent;
import tochka.acquiring.server.webhooks.WebhookSubscription;
import tochka.acquiring.server.webhooks.Webhooks;

/**
 * Webhooks: the subscriptions of the applications the user sees (one URL per client_id), the delivery log with its
 * attempts and status codes, and resending an event that was delivered or failed: the same signed body again, with a
 * fresh budget of attempts. Another company's subscription or event answers 404, on pages and forms alike.
 */
public final class WebhooksSection implements ConsoleSection {

    /** Events on a page of the delivery log. */
    static final int PAGE_SIZE = 50;

    /** The furthest page a link can ask for: beyond it, narrow the filters. */
    static final int MAX_PAGE = 1000;

    private static final String EVENT = "/console/webhooks/events/{eventId}";

    private final Webhooks webhooks;
    private final Keys keys;

    public WebhooksSection(Webhooks webhooks, Keys keys) {
        this.webhooks = webhooks;
        this.keys = keys;
    }

    /** An application's webhook as the list shows it: the key's name (empty for the sandbox's) and the times. */
    public record SubscriptionRow(
            String clientId, String keyName, String url, List<WebhookType> types, String created, String updated) {}

    /** An application the log can be filtered by. */
    public record ClientChoice(String clientId, String label, boolean selected) {}

    /** The section's page: subscriptions, the filters, and one page of the delivery log. */
    public record WebhooksPage(
            Chrome chrome,
            List<SubscriptionRow> subscriptions,
            List<ClientChoice> clients,
            @Nullable String status,
            List<WebhookEvent> events,
            int page,
            @Nullable String previousUrl,
            @Nullable String nextUrl)
            implements View {
        @Override
        public String template() {
            return "webhooks";
        }

        public List<String> statuses() {
            return java.util.Arrays.stream(WebhookEvent.Status.values())
                    .map(Enum::name)
                    .toList();
        }
    }

    /** One event with every attempt to deliver it; {@code resendable} unless it is still pending. */
    public record EventPage(
            Chrome chrome,
            WebhookEvent event,
            String keyName,
            List<WebhookAttempt> attempts,
            boolean resendable,
            boolean resent)
            implements View {
        @Override
        public String template() {
            return "webhooks-event";
        }
    }

    @Override
    public void addTo(ConsolePages pages) {
        pages.get("/console/webhooks", Section.WEBHOOKS, this::list);
        pages.get(EVENT, Section.WEBHOOKS, this::event);
        pages.post(EVENT + "/resend", Section.WEBHOOKS, this::resend);
    }

    /**
     * The webhooks of one payment that {@code operator} may see (those to the applications they see), newest first:
     * for the payment's page, with the partial {@code console/webhook-deliveries.jte}.
     */
    public List<WebhookEvent> deliveriesOf(Operator operator, String operationId) {
        Visibility visibility = Visibility.of(operator, keys);
        return webhooks.deliveriesOf(operationId).stream()
                .filter(event -> visibility.sees(event.clientId()))
                .toList();
    }

    private void list(Context ctx, Operator operator) {
        Problems problems = new Problems();
        QueryParams params = new QueryParams(ctx, problems);
        String clientId = bounded(params.optional("clientId"));
        String statusName = params.optional("status");
        WebhookEvent.Status status = null;
        if (statusName != null && !statusName.isEmpty()) {
            try {
                status = WebhookEvent.Status.valueOf(statusName);
            } catch (IllegalArgumentException e) {
                problems.add("status", "must be one of PENDING, DELIVERED, FAILED");
            }
        }
        int page = params.integer("page", 1, 1, MAX_PAGE);
        problems.throwIfAny();
        Visibility visibility = Visibility.of(operator, keys);
        if (clientId != null && !visibility.sees(clientId)) throw notFound(clientId);

        List<WebhookSubscription> subscriptions = webhooks.subscriptions().stream()
                .filter(subscription -> visibility.sees(subscription.clientId()))
                .toList();
        var clientIds = clientId != null ? List.of(clientId) : visibility.clientIds();
        List<WebhookEvent> events = webhooks.page(clientIds, status, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        boolean more = events.size() > PAGE_SIZE;

        Messages t = ConsolePages.messages(ctx);
        List<ClientChoice> clients = subscriptions.stream()
                .map(WebhookSubscription::clientId)
                .collect(Collectors.toCollection(java.util.TreeSet::new))
                .stream()
                .map(id -> new ClientChoice(id, label(visibility, id), id.equals(clientId)))
                .collect(Collectors.toCollection(java.util.ArrayList::new));
        if (clientId != null && clients.stream().noneMatch(ClientChoice::selected)) {
            clients.add(new ClientChoice(clientId, label(visibility, clientId), true));
        }
        ConsolePages.render(
                ctx,
                200,
                new WebhooksPage(
                        ConsolePages.chrome(ctx, t, operator, Section.WEBHOOKS, t.get("webhooks.title"), null),
                        subscriptions.stream()
                                .sorted(Comparator.comparing(WebhookSubscription::updatedAt)
                                        .reversed())
                                .map(subscription -> new SubscriptionRow(
                                        subscription.clientId(),
                                        visibility
                                                .keyName(subscription.clientId())
                                                .orElse(""),
                                        subscription.url(),
                                        subscription.types(),
                                        LogTime.of(subscription.createdAt()),
                                        LogTime.of(subscription.updatedAt())))
                                .toList(),
                        clients,
                        status == null ? null : status.name(),
                        events.subList(0, Math.min(events.size(), PAGE_SIZE)),
                        page,
                        page > 1 ? pageUrl(clientId, status, page - 1) : null,
                        more ? pageUrl(clientId, status, page + 1) : null));
    }

    private void event(Context ctx, Operator operator) {
        renderEvent(ctx, operator, visibleEvent(ctx, operator), ctx.queryParam("resent") != null);
    }

    private void resend(Context ctx, Operator operator) {
        WebhookEvent event = visibleEvent(ctx, operator);
        if (event.status() == WebhookEvent.Status.PENDING) {
            Messages t = ConsolePages.messages(ctx);
            throw Rejected.invalid(t.get("webhooks.resend.pending"));
        }
        webhooks.resend(event.eventId());
        ctx.redirect("/console/webhooks/events/" + HtmlPages.encode(event.eventId()) + "?resent", HttpStatus.SEE_OTHER);
    }

    private void renderEvent(Context ctx, Operator operator, WebhookEvent event, boolean resent) {
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                200,
                new EventPage(
                        ConsolePages.chrome(ctx, t, operator, Section.WEBHOOKS, t.get("webhooks.event.title"), null),
                        event,
                        Visibility.of(operator, keys).keyName(event.clientId()).orElse(""),
                        webhooks.attempts(event.eventId()),
                        event.status() != WebhookEvent.Status.PENDING,
                        resent));
    }

    /** The event named in the path, when the user may see it; an unknown one and another company's read alike. */
    private WebhookEvent visibleEvent(Context ctx, Operator operator) {
        String eventId = ctx.pathParam("eventId");
        if (eventId.length() > 36) throw notFoundEvent(eventId.substring(0, 36));
        WebhookEvent event = webhooks.event(eventId).orElseThrow(() -> notFoundEvent(eventId));
        if (!Visibility.of(operator, keys).sees(event.clientId())) throw notFoundEvent(eventId);
        return event;
    }

    private static String label(Visibility visibility, String clientId) {
        return visibility.keyName(clientId).map(name -> name + " · " + clientId).orElse(clientId);
    }

    private static String pageUrl(@Nullable String clientId, WebhookEvent.@Nullable Status status, int page) {
        StringBuilder url = new StringBuilder("/console/webhooks?page=").append(page);
        if (clientId != null) url.append("&clientId=").append(HtmlPages.encode(clientId));
        if (status != null) url.append("&status=").append(status.name());
        return url.append("#deliveries").toString();
    }

    /** A client_id as asked: blank is none; a longer one than any key's is unknown, whatever it says. */
    private static @Nullable String bounded(@Nullable String clientId) {
        if (clientId == null || clientId.isBlank()) return null;
        String trimmed = clientId.trim();
        return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
    }

    private static Rejected notFound(String clientId) {
        return Rejected.notFound("no webhook for client_id " + clientId);
    }

    private static Rejected notFoundEvent(String eventId) {
        return Rejected.notFound("webhook event " + eventId + " not found");
    }
}
