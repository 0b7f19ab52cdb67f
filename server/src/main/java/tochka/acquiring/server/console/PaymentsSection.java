package tochka.acquiring.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.PaymentViews.Badge;
import tochka.acquiring.server.console.PaymentViews.ControlForms;
import tochka.acquiring.server.console.PaymentViews.Fact;
import tochka.acquiring.server.console.PaymentViews.Filters;
import tochka.acquiring.server.console.PaymentViews.ListPage;
import tochka.acquiring.server.console.PaymentViews.Option;
import tochka.acquiring.server.console.PaymentViews.OrderRow;
import tochka.acquiring.server.console.PaymentViews.PaymentPage;
import tochka.acquiring.server.console.PaymentViews.ReceiptRow;
import tochka.acquiring.server.console.PaymentViews.RefundForm;
import tochka.acquiring.server.console.PaymentViews.Row;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Hmac;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.http.HtmlPages;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.payments.Payer;
import tochka.acquiring.server.payments.Payment;
import tochka.acquiring.server.payments.PaymentOrder;
import tochka.acquiring.server.payments.PaymentSearch;
import tochka.acquiring.server.payments.PaymentSearch.Criteria;
import tochka.acquiring.server.payments.PaymentSearch.Found;
import tochka.acquiring.server.payments.PaymentService;
import tochka.acquiring.server.payments.PaymentService.Attempt;
import tochka.acquiring.server.payments.PaymentService.Outcome;
import tochka.acquiring.server.payments.PaymentStatus;
import tochka.acquiring.server.users.Users;

/**
 * The console's Payments: the list of the payments of the companies the user sees, with filters; a payment's page
 * with its history; its actions (refund, capture, and while test control is on: pay, decline, expire), each through
 * {@link PaymentService} as the API and the control API do; and two tiny JSON answers the live script polls. Another
 * company's payment answers 404 on every page, poll and form, exactly like a missing one.
 *
 * <p>Every action form carries a one-time token ({@link Users#spendFormToken}): a second submit of the same form
 * (a double click that got past the script) changes nothing and shows the payment as it is.
 */
public final class PaymentsSection implements ConsoleSection {

    static final String LIST = "/console/payments";
    static final String SCRIPT = "console-live.js";
    /** The form field of an action's one-time token. */
    static final String ONCE_FIELD = "once";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT).withZone(BankTime.ZONE);
    private static final int MAX_ID = 64;
    private static final Set<String> NOTICES = Set.of("refund", "capture", "pay", "decline", "expire", "repeated");

    private final PaymentService payments;
    private final PaymentSearch search;
    private final DirectoryService directory;
    private final Users users;
    private final ServerClock clock;
    private final boolean control;
    /** The payment's webhook deliveries and the API calls that touched it, as their own sections show them. */
    private final WebhooksSection webhooks;

    private final RequestsSection requests;

    /** {@code control}: whether the test-control API is on, and with it the pay, decline and expire forms. */
    public PaymentsSection(
            PaymentService payments,
            PaymentSearch search,
            DirectoryService directory,
            Users users,
            ServerClock clock,
            boolean control,
            WebhooksSection webhooks,
            RequestsSection requests) {
        this.payments = payments;
        this.search = search;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
        this.control = control;
        this.webhooks = webhooks;
        this.requests = requests;
    }

    @Override
    public void addTo(ConsolePages pages) {
        pages.get(LIST, Section.PAYMENTS, this::list);
        pages.get(LIST + "/changes", Section.PAYMENTS, this::listChanges);
        pages.get(LIST + "/{operationId}", Section.PAYMENTS, this::payment);
        pages.get(LIST + "/{operationId}/state", Section.PAYMENTS, this::paymentState);
        pages.post(LIST + "/{operationId}/refund", Section.PAYMENTS, this::refund);
        pages.post(LIST + "/{operationId}/capture", Section.PAYMENTS, this::capture);
        if (control) {
            pages.post(LIST + "/{operationId}/pay", Section.PAYMENTS, this::pay);
            pages.post(LIST + "/{operationId}/decline", Section.PAYMENTS, this::decline);
            pages.post(LIST + "/{operationId}/expire", Section.PAYMENTS, this::expire);
        }
    }

    // ---- the list ---------------------------------------------------------------------------------------------

    private void list(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        Map<String, String> companies = companyNames(operator);
        List<String> problems = new ArrayList<>();
        Criteria criteria = criteria(ctx, operator, companies, t, problems);
        Found found = criteria == null ? null : search.search(criteria);
        List<Row> rows = found == null
                ? List.of()
                : found.payments().stream()
                        .map(payment -> row(payment, found.readAt(), companies, t))
                        .toList();
        int page = criteria == null ? 1 : criteria.page();
        Chrome chrome = ConsolePages.chrome(ctx, t, operator, Section.PAYMENTS, t.get("payments.title"), SCRIPT);
        ConsolePages.render(
                ctx,
                problems.isEmpty() ? 200 : 400,
                new ListPage(
                        chrome,
                        filters(ctx, companies, t),
                        problems,
                        rows,
                        page > 1 ? pageHref(ctx, page - 1) : null,
                        found != null && found.more() ? pageHref(ctx, page + 1) : null,
                        LIST + "/changes" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                        found == null ? "" : listVersion(found)));
    }

    /** The version of what the list with these filters shows now: the live script reloads when it changes. */
    private void listChanges(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        Criteria criteria = criteria(ctx, operator, companyNames(operator), t, new ArrayList<>());
        String version = criteria == null ? "" : listVersion(search.search(criteria));
        ctx.header("Cache-Control", "no-store").json(Map.of("version", version));
    }

    /**
     * The list's filters from the query, or null with {@code problems} naming each bad one in the page's language.
     * Every value is bounded; a company the user does not see reads as an unknown one.
     */
    private static @Nullable Criteria criteria(
            Context ctx, Operator operator, Map<String, String> companies, Messages t, List<String> problems) {
        String company = param(ctx, "company");
        // The choices offered: the user's companies, or an admin's companies that have payments.
        if (company != null && !(operator.sees(company) && companies.containsKey(company))) {
            problems.add(t.get("payments.filter.bad-company"));
            company = null;
        }
        PaymentStatus status = null;
        String statusText = param(ctx, "status");
        if (statusText != null) {
            status = Arrays.stream(PaymentStatus.values())
                    .filter(value -> value.name().equals(statusText))
                    .findFirst()
                    .orElse(null);
            if (status == null) problems.add(t.get("payments.filter.bad-status"));
        }
        LocalDate from = date(ctx, "from", t, problems);
        LocalDate to = date(ctx, "to", t, problems);
        if (from != null && to != null && from.isAfter(to)) problems.add(t.get("payments.filter.bad-range"));
        String text = param(ctx, "q");
        if (text != null) text = text.strip();
        if (text != null && text.length() > PaymentSearch.MAX_TEXT) {
            problems.add(t.format("payments.filter.bad-text", PaymentSearch.MAX_TEXT));
        }
        int page = 1;
        String pageText = param(ctx, "page");
        if (pageText != null) {
            page = pageText.length() <= 5 && pageText.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Integer.parseInt(pageText)
                    : 0;
            if (page < 1 || page > PaymentSearch.MAX_PAGE) {
                problems.add(t.format("payments.filter.bad-page", PaymentSearch.MAX_PAGE));
            }
        }
        if (!problems.isEmpty()) return null;
        return new Criteria(
                operator.admin() ? null : operator.customerCodes(),
                company,
                status,
                from,
                to,
                text == null || text.isEmpty() ? null : text,
                page);
    }

    private static @Nullable LocalDate date(Context ctx, String name, Messages t, List<String> problems) {
        String value = param(ctx, name);
        if (value == null) return null;
        try {
            // Four-digit years only: LocalDate also reads "+999999999-12-31", beyond what time arithmetic can hold.
            if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            // said below
        }
        problems.add(t.get("payments.filter.bad-date." + name));
        return null;
    }

    /** A query parameter, empty as none. */
    private static @Nullable String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Filters filters(Context ctx, Map<String, String> companies, Messages t) {
        String company = Objects.requireNonNullElse(ctx.queryParam("company"), "");
        String status = Objects.requireNonNullElse(ctx.queryParam("status"), "");
        List<Option> companyOptions = new ArrayList<>();
        companyOptions.add(new Option("", t.get("payments.filter.all-companies"), company.isEmpty()));
        companies.forEach((code, name) -> companyOptions.add(new Option(code, name, code.equals(company))));
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", t.get("payments.filter.all-statuses"), status.isEmpty()));
        for (PaymentStatus value : PaymentStatus.values()) {
            statuses.add(new Option(
                    value.name(), badge(value, t).label(), value.name().equals(status)));
        }
        return new Filters(
                companyOptions,
                statuses,
                bounded(ctx.queryParam("from"), 10),
                bounded(ctx.queryParam("to"), 10),
                bounded(ctx.queryParam("q"), PaymentSearch.MAX_TEXT * 2),
                PaymentSearch.MAX_TEXT);
    }

    /** This list's link with {@code page} instead of its page. */
    private static String pageHref(Context ctx, int page) {
        StringBuilder href = new StringBuilder(LIST).append("?page=").append(page);
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals("page") || name.equals("lang")) return;
            for (String value : values) {
                href.append('&').append(HtmlPages.encode(name)).append('=').append(HtmlPages.encode(value));
            }
        });
        return href.toString();
    }

    private static Row row(Payment payment, Instant now, Map<String, String> companies, Messages t) {
        Payer payer = payment.payer();
        return new Row(
                payment.operationId(),
                LIST + "/" + payment.operationId(),
                TIME.format(payment.createdAt()),
                companies.getOrDefault(payment.customerCode(), payment.customerCode()),
                t.amount(payment.amount()),
                badge(payment.status(now), t),
                payment.purpose(),
                payer == null ? modes(payment.modes(), t) : mode(payer.type(), t));
    }

    /** The companies the user may filter by, code to name: an admin's are those with payments. */
    private Map<String, String> companyNames(Operator operator) {
        Set<String> codes = operator.admin() ? Set.copyOf(search.companiesWithPayments()) : operator.customerCodes();
        Map<String, String> names = new LinkedHashMap<>();
        directory.companies(codes).stream()
                .sorted((a, b) -> a.customerCode().compareTo(b.customerCode()))
                .forEach(company -> names.put(company.customerCode(), name(company)));
        return names;
    }

    private static String name(Company company) {
        String name = company.shortName() != null ? company.shortName() : company.fullName();
        return name + " · " + company.customerCode();
    }

    // ---- a payment ---------------------------------------------------------------------------------------------

    private void payment(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        String done = ctx.queryParam("done");
        Messages t = ConsolePages.messages(ctx);
        renderPayment(
                ctx,
                operator,
                payment,
                200,
                done != null && NOTICES.contains(done) ? t.get("payments.done." + done) : null,
                null,
                null);
    }

    /** What the payment's page shows now, in short: the live script reloads when its version changes. */
    private void paymentState(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        ctx.header("Cache-Control", "no-store")
                .json(Map.of(
                        "status",
                        payment.status(clock.instant()).name(),
                        "version",
                        paymentVersion(payment, clock.instant())));
    }

    private void refund(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        Messages t = ConsolePages.messages(ctx);
        String typed = ctx.formParam("amount");
        AmountInput input = AmountInput.parse(typed, payment.refundable());
        Money amount = input.amount();
        if (amount == null) {
            String problem = t.format(Objects.requireNonNull(input.problemKey()), t.amount(payment.refundable()));
            renderPayment(ctx, operator, payment, 400, null, problem, bounded(typed, AmountInput.MAX_CHARS));
            return;
        }
        act(
                ctx,
                operator,
                payment,
                "refund",
                () -> payments.refund(payment.operationId(), List.of(payment.customerCode()), amount));
    }

    private void capture(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        act(
                ctx,
                operator,
                payment,
                "capture",
                () -> payments.capture(payment.operationId(), List.of(payment.customerCode())));
    }

    private void pay(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        PaymentMode mode = chosenMode(ctx, payment);
        act(
                ctx,
                operator,
                payment,
                "pay",
                () -> payments.pay(payment.operationId(), Attempt.of(mode, Outcome.APPROVE)));
    }

    private void decline(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        PaymentMode mode = chosenMode(ctx, payment);
        act(
                ctx,
                operator,
                payment,
                "decline",
                () -> payments.pay(payment.operationId(), Attempt.of(mode, Outcome.DECLINE)));
    }

    private void expire(Context ctx, Operator operator) {
        Payment payment = visible(ctx, operator);
        act(
                ctx,
                operator,
                payment,
                "expire",
                () -> payments.expire(payment.operationId(), List.of(payment.customerCode())));
    }

    /**
     * Does {@code action} once per form: the form's token is spent first, so a second submit of the same form
     * changes nothing and shows the payment as it is now. A refusal of the service shows the page with its reason.
     */
    private void act(Context ctx, Operator operator, Payment payment, String name, Runnable action) {
        String token = ctx.formParam(ONCE_FIELD);
        String page = LIST + "/" + payment.operationId();
        if (token == null || !users.spendFormToken(token)) {
            ctx.redirect(page + "?done=repeated", HttpStatus.SEE_OTHER);
            return;
        }
        try {
            action.run();
        } catch (Rejected refused) {
            Payment now = visible(ctx, operator);
            renderPayment(ctx, operator, now, 400, null, String.join("; ", refused.problems()), null);
            return;
        }
        ctx.redirect(page + "?done=" + name, HttpStatus.SEE_OTHER);
    }

    /** The mode the control form chose among the link's own, or the link's first (card if it takes cards). */
    private static PaymentMode chosenMode(Context ctx, Payment payment) {
        String chosen = ctx.formParam("mode");
        for (PaymentMode mode : payment.modes()) {
            if (mode.code().equals(chosen)) return mode;
        }
        return payment.modes().contains(PaymentMode.CARD)
                ? PaymentMode.CARD
                : payment.modes().get(0);
    }

    /** The payment of the path if the user sees it; another company's reads as a missing one (404). */
    private Payment visible(Context ctx, Operator operator) {
        String operationId = ctx.pathParam("operationId");
        Rejected missing = Rejected.notFound("operation " + bounded(operationId, MAX_ID) + " not found");
        if (operationId.isEmpty() || operationId.length() > MAX_ID) throw missing;
        Payment payment = payments.find(operationId).orElseThrow(() -> missing);
        if (!operator.sees(payment.customerCode())) throw missing;
        return payment;
    }

    private void renderPayment(
            Context ctx,
            Operator operator,
            Payment payment,
            int status,
            @Nullable String notice,
            @Nullable String error,
            @Nullable String typedAmount) {
        Messages t = ConsolePages.messages(ctx);
        Instant now = clock.instant();
        PaymentStatus current = payment.status(now);
        String title = t.format("payments.payment.title", t.amount(payment.amount()));
        Chrome chrome = ConsolePages.chrome(ctx, t, operator, Section.PAYMENTS, title, SCRIPT);
        RefundForm refund = PaymentStatus.refundable().contains(current)
                        && !payment.refundable().isZero()
                ? new RefundForm(
                        token(),
                        typedAmount != null ? typedAmount : AmountInput.shown(payment.refundable(), t.lang()),
                        t.amount(payment.refundable()),
                        AmountInput.MAX_CHARS)
                : null;
        String captureToken = PaymentStatus.Move.CAPTURE.from().contains(current) ? token() : null;
        ControlForms controlForms = control && PaymentStatus.Move.PAY.from().contains(current)
                ? new ControlForms(
                        token(),
                        token(),
                        token(),
                        payment.modes().stream()
                                .map(mode -> new Option(mode.code(), mode(mode, t), false))
                                .toList())
                : null;
        ConsolePages.render(
                ctx,
                status,
                new PaymentPage(
                        chrome,
                        payment.operationId(),
                        t.amount(payment.amount()),
                        badge(current, t),
                        facts(payment, current, t),
                        payer(payment.payer(), t),
                        receipt(payment, t),
                        payment.orders().stream().map(order -> order(order, t)).toList(),
                        webhooks.deliveriesOf(operator, payment.operationId()),
                        requests.touching(operator, payment.operationId()),
                        refund,
                        captureToken,
                        controlForms,
                        notice,
                        error,
                        LIST + "/" + payment.operationId() + "/state",
                        paymentVersion(payment, now)));
    }

    private List<Fact> facts(Payment payment, PaymentStatus status, Messages t) {
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("amount", t.get("payments.field.amount"), t.amount(payment.amount())));
        facts.add(fact("refunded", t.get("payments.field.refunded"), t.amount(payment.refunded())));
        // Only money taken can go back: before the payment (or while it is only held) nothing is left to refund.
        facts.add(fact(
                "remaining",
                t.get("payments.field.remaining"),
                PaymentStatus.SETTLED.contains(status) ? t.amount(payment.refundable()) : "—"));
        facts.add(
                fact("status", t.get("payments.field.status"), badge(status, t).label() + " (" + status.name() + ")"));
        facts.add(fact("modes", t.get("payments.field.modes"), modes(payment.modes(), t)));
        facts.add(fact(
                "stages",
                t.get("payments.field.stages"),
                t.get(payment.preAuthorization() ? "payments.stages.two" : "payments.stages.one")));
        facts.add(fact("purpose", t.get("payments.field.purpose"), payment.purpose()));
        facts.add(fact("company", t.get("payments.field.company"), companyName(payment.customerCode())));
        facts.add(fact("retailer", t.get("payments.field.retailer"), retailerName(payment)));
        facts.add(fact("operation-id", "operationId", payment.operationId()));
        facts.add(fact("link-id", "paymentLinkId", payment.paymentLinkId()));
        facts.add(fact("consumer-id", "consumerId", payment.consumerId()));
        facts.add(fact("created", t.get("payments.field.created"), TIME.format(payment.createdAt())));
        facts.add(fact("expires", t.get("payments.field.expires"), TIME.format(payment.expiresAt())));
        facts.add(new Fact(
                "link",
                t.get("payments.field.link"),
                "/order/?uuid=" + payment.operationId(),
                "/order/?uuid=" + payment.operationId()));
        if (payment.redirectUrl() != null) {
            facts.add(fact("redirect", "redirectUrl", payment.redirectUrl()));
        }
        if (payment.failRedirectUrl() != null) {
            facts.add(fact("fail-redirect", "failRedirectUrl", payment.failRedirectUrl()));
        }
        return facts;
    }

    private static List<Fact> payer(@Nullable Payer payer, Messages t) {
        if (payer == null) return List.of();
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("paid-by", t.get("payments.field.paid-by"), mode(payer.type(), t)));
        facts.add(fact("paid-at", t.get("payments.field.paid-at"), TIME.format(payer.paidAt())));
        facts.add(fact("payment-id", "paymentId", payer.paymentId()));
        if (payer.card() != null) {
            facts.add(fact(
                    "card",
                    t.get("payments.field.card"),
                    payer.card().mask() + " · " + payer.card().brand()));
        }
        if (payer.payerName() != null) facts.add(fact("payer-name", t.get("payments.field.payer"), payer.payerName()));
        if (payer.qrcId() != null) facts.add(fact("qrc-id", "qrcId", payer.qrcId()));
        if (payer.transactionId() != null) facts.add(fact("transaction-id", "transactionId", payer.transactionId()));
        return facts;
    }

    private static List<ReceiptRow> receipt(Payment payment, Messages t) {
        if (payment.receipt() == null) return List.of();
        List<ReceiptRow> rows = new ArrayList<>();
        for (ReceiptItem item : payment.receipt().items()) {
            String price;
            try {
                price = t.amount(Money.ofRoubles(item.amount()));
            } catch (ArithmeticException e) {
                price = item.amount().toPlainString(); // checked at the edge; shown as stored if ever not kopecks
            }
            rows.add(new ReceiptRow(
                    item.name(),
                    t.quantity(item.quantity()),
                    price,
                    item.vatType() == null ? "" : item.vatType().name().toLowerCase(Locale.ROOT)));
        }
        return rows;
    }

    private static OrderRow order(PaymentOrder order, Messages t) {
        return new OrderRow(
                TIME.format(order.time()),
                t.get("payments.order." + order.kind().name().toLowerCase(Locale.ROOT)),
                t.amount(order.amount()),
                order.orderId());
    }

    private String companyName(String customerCode) {
        return directory.companies(List.of(customerCode)).stream()
                .findFirst()
                .map(PaymentsSection::name)
                .orElse(customerCode);
    }

    private String retailerName(Payment payment) {
        return directory.retailers(payment.customerCode()).stream()
                .filter(retailer -> retailer.merchantId().equals(payment.merchantId()))
                .findFirst()
                .map(Retailer::name)
                .map(name -> name + " · " + payment.merchantId())
                .orElse(payment.merchantId());
    }

    private static Fact fact(String id, String label, String value) {
        return new Fact(id, label, value, null);
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    static Badge badge(PaymentStatus status, Messages t) {
        String css = switch (status) {
            case APPROVED -> "ok";
            case EXPIRED -> "bad";
            case CREATED, AUTHORIZED, ON_REFUND, WAIT_FULL_PAYMENT -> "wait";
            case REFUNDED, REFUNDED_PARTIALLY -> "";
        };
        return new Badge(status.name(), t.get("payments.status." + status.name()), css);
    }

    private static String mode(PaymentMode mode, Messages t) {
        return t.get("payments.mode." + mode.code());
    }

    private static String modes(List<PaymentMode> modes, Messages t) {
        return modes.stream().map(mode -> mode(mode, t)).collect(Collectors.joining(", "));
    }

    /** A fresh one-time token for an action form. */
    private static String token() {
        return Ids.hex(16).toLowerCase(Locale.ROOT);
    }

    /** What the list shows, as a short digest: its rows' ids, statuses, refunds and histories, and whether more. */
    private static String listVersion(Found found) {
        StringBuilder state = new StringBuilder(found.more() ? "more" : "end");
        for (Payment payment : found.payments()) {
            state.append('|').append(paymentVersion(payment, found.readAt()));
        }
        return digest(state.toString());
    }

    /** What a payment's page shows that changes: its status as read now, what was refunded, its history. */
    private static String paymentVersion(Payment payment, Instant now) {
        return digest(payment.operationId() + ":" + payment.status(now).name() + ":"
                + payment.refunded().kopecks() + ":" + payment.orders().size());
    }

    private static String digest(String text) {
        return Hmac.sha256Hex(text).substring(0, 24);
    }

    private static String bounded(@Nullable String value, int max) {
        if (value == null) return "";
        return value.length() > max ? value.substring(0, max) : value;
    }
}
