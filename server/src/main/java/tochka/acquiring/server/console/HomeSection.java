package tochka.acquiring.server.console;

import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.console.TurnoverChart.Chart;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.payments.PaymentStatus;
import tochka.acquiring.server.payments.Turnover;

/**
 * The console's home page: what the companies the user sees took through acquiring (all of them, or the one chosen
 * with {@code ?company=}): the last {@value Turnover#DAYS} days' turnover as a chart, today's totals, what today's
 * registry will pay out, and the latest payment links.
 */
public final class HomeSection implements ConsoleSection {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    private final Turnover turnover;
    private final DirectoryService directory;

    public HomeSection(Turnover turnover, DirectoryService directory) {
        this.turnover = turnover;
        this.directory = directory;
    }

    /** The home page; {@code chosen} is the company the page is narrowed to (null: all in {@code choices}). */
    public record HomePage(
            Chrome chrome,
            List<Choice> choices,
            @Nullable String chosen,
            String today,
            Chart chart,
            List<Legend> legend,
            List<DayRow> days,
            Cards cards,
            List<Latest> latest,
            boolean manyCompanies)
            implements View {
        @Override
        public String template() {
            return "home";
        }
    }

    /** A company of the chooser. */
    public record Choice(String customerCode, String name, boolean selected) {}

    /** A way of paying in the legend: its class, its name and its total over the chart's days. */
    public record Legend(String cssClass, String name, String total) {}

    /** A day of the table under the chart (days with turnover only), its amounts in {@link TurnoverChart#MODES}. */
    public record DayRow(String date, List<String> amounts, String total) {}

    /** The cards above the chart: today's payments, refunds and payout, the period's turnover. */
    public record Cards(
            int paidCount,
            String paid,
            int refundCount,
            String refunded,
            String payoutNet,
            String payoutTotal,
            String commission,
            String periodTotal) {}

    /** One of the latest links. */
    public record Latest(
            String operationId,
            String created,
            String customerCode,
            String purpose,
            String amount,
            String status,
            String badge,
            String paidWith) {}

    @Override
    public void addTo(ConsolePages pages) {
        pages.get("/console", Section.HOME, this::home);
    }

    private void home(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        List<Company> visible = visible(operator);
        String chosen = ctx.queryParam("company");
        if (chosen != null && chosen.isEmpty()) chosen = null;
        if (chosen != null) {
            String code = chosen;
            // Another company's code reads as an unknown one.
            if (visible.stream().noneMatch(company -> company.customerCode().equals(code))) {
                throw Rejected.notFound(
                        "company " + (code.length() > 9 ? code.substring(0, 9) + "…" : code) + " not found");
            }
        }
        String only = chosen;
        Set<String> scope = only != null
                ? Set.of(only)
                : Set.copyOf(visible.stream().map(Company::customerCode).toList());
        Turnover.Overview overview = turnover.overview(scope);
        List<Choice> choices = visible.stream()
                .map(company -> new Choice(
                        company.customerCode(),
                        name(company),
                        company.customerCode().equals(only)))
                .toList();
        ConsolePages.render(
                ctx,
                200,
                new HomePage(
                        ConsolePages.chrome(ctx, t, operator, Section.HOME, t.get("home.title"), null),
                        choices,
                        only,
                        DATE.format(overview.today()),
                        TurnoverChart.draw(overview, t),
                        legend(overview, t),
                        dayRows(overview, t),
                        cards(overview, t),
                        latest(overview, t),
                        scope.size() > 1));
    }

    private List<Company> visible(Operator operator) {
        return operator.admin() ? directory.allCompanies() : directory.companies(operator.customerCodes());
    }

    static String name(Company company) {
        String shortName = company.shortName();
        return shortName != null ? shortName : company.fullName();
    }

    private static List<Legend> legend(Turnover.Overview overview, Messages t) {
        Map<PaymentMode, Money> sums = overview.byMode();
        return TurnoverChart.MODES.stream()
                .map(mode -> new Legend(
                        "m-" + mode.code(),
                        t.get("home.mode." + mode.code()),
                        t.amount(sums.getOrDefault(mode, Money.ZERO))))
                .toList();
    }

    private static List<DayRow> dayRows(Turnover.Overview overview, Messages t) {
        List<DayRow> rows = new ArrayList<>();
        for (Turnover.Day day : overview.days()) {
            if (day.total().isZero()) continue;
            rows.add(new DayRow(
                    DATE.format(day.date()),
                    TurnoverChart.MODES.stream()
                            .map(mode -> t.amount(day.of(mode)))
                            .toList(),
                    t.amount(day.total())));
        }
        Collections.reverse(rows); // newest first, as the list of payments
        return List.copyOf(rows);
    }

    private static Cards cards(Turnover.Overview overview, Messages t) {
        Turnover.Today today = overview.totals();
        Turnover.Payout payout = overview.payout();
        Money period = overview.days().stream().map(Turnover.Day::total).reduce(Money.ZERO, Money::plus);
        return new Cards(
                today.paidCount(),
                t.amount(today.paid()),
                today.refundCount(),
                t.amount(today.refunded()),
                t.amount(payout.net()),
                t.amount(payout.total()),
                t.amount(payout.commission()),
                t.amount(period));
    }

    private static List<Latest> latest(Turnover.Overview overview, Messages t) {
        return overview.latest().stream().map(link -> latest(link, t)).toList();
    }

    private static Latest latest(Turnover.LatestPayment link, Messages t) {
        @Nullable PaymentMode paidWith = link.paidWith();
        return new Latest(
                link.operationId(),
                TIME.format(link.createdAt().atZone(BankTime.ZONE)),
                link.customerCode(),
                link.purpose(),
                t.amount(link.amount()),
                t.get("home.status." + link.status().name()),
                badge(link.status()),
                paidWith == null ? "" : t.get("home.mode." + paidWith.code()));
    }

    private static String badge(PaymentStatus status) {
        return switch (status) {
            case APPROVED -> "ok";
            case EXPIRED -> "bad";
            case CREATED, AUTHORIZED, ON_REFUND, WAIT_FULL_PAYMENT -> "wait";
            case REFUNDED, REFUNDED_PARTIALLY -> "";
        };
    }
}
