package tochka.acquiring.server.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.payments.TurnoverStore.Latest;
import tochka.acquiring.server.payments.TurnoverStore.Paid;
import tochka.acquiring.server.payments.TurnoverStore.Refunds;

/**
 * What some companies took through acquiring, read-only, for the console's home page: the turnover of the last
 * {@value #DAYS} Moscow days by day and by way of paying, today's payments and refunds, what today's registry will
 * pay out, and the latest links. A payment counts as turnover on the Moscow day it was paid, once its money is
 * taken (the statuses the registry counts, {@link PaymentStatus#SETTLED}); a held card payment (AUTHORIZED) counts
 * once it is captured, on the day it was held, as the registry has it. Refunds do not lower the turnover: they are
 * counted apart, on the day they were made. All in one snapshot, by indexed columns.
 */
public final class Turnover {

    /** How many days the chart covers, today included. */
    public static final int DAYS = 30;

    /** How many of the latest links the page lists. */
    public static final int LATEST = 10;

    private final Transactions db;
    private final ServerClock clock;

    public Turnover(Transactions db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What {@code customerCodes} took: amounts exact to the kopeck. */
    public Overview overview(Collection<String> customerCodes) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, BankTime.ZONE);
        LocalDate first = today.minusDays(DAYS - 1L);
        Instant from = first.atStartOfDay(BankTime.ZONE).toInstant();
        Instant todayFrom = today.atStartOfDay(BankTime.ZONE).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
        Set<String> settled =
                PaymentStatus.SETTLED.stream().map(PaymentStatus::column).collect(Collectors.toUnmodifiableSet());
        return db.inTransaction(handle -> {
            TurnoverStore store = new TurnoverStore(handle);
            Map<String, BigDecimal> rates = new HashMap<>();
            for (Retailer retailer : DirectoryService.within(handle).retailersOf(customerCodes)) {
                rates.put(retailer.merchantId(), retailer.ratePercent());
            }
            List<Paid> paid = store.paid(rates.keySet(), from, to, settled);
            Refunds refunds = store.refunds(customerCodes, todayFrom, to);
            List<Latest> latest = store.latest(customerCodes, LATEST);

            Map<LocalDate, Map<PaymentMode, Money>> byDay = new HashMap<>();
            int paidToday = 0;
            Money takenToday = Money.ZERO;
            Money commission = Money.ZERO;
            for (Paid payment : paid) {
                LocalDate day = LocalDate.ofInstant(payment.paidAt(), BankTime.ZONE);
                byDay.computeIfAbsent(day, unused -> new EnumMap<>(PaymentMode.class))
                        .merge(payment.type(), payment.amount(), Money::plus);
                if (day.equals(today)) {
                    paidToday++;
                    takenToday = takenToday.plus(payment.amount());
                    BigDecimal rate = rates.get(payment.merchantId());
                    if (rate != null) commission = commission.plus(PaymentRegistry.commission(payment.amount(), rate));
                }
            }
            List<Day> days = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                days.add(new Day(day, byDay.getOrDefault(day, Map.of())));
            }
            List<LatestPayment> latestPayments = latest.stream()
                    .map(link -> new LatestPayment(
                            link.operationId(),
                            link.customerCode(),
                            link.paymentLinkId(),
                            link.purpose(),
                            link.amount(),
                            PaymentStatus.ofColumn(link.storedStatus()).at(link.expiresAt(), now),
                            link.createdAt(),
                            link.paidWith()))
                    .toList();
            return new Overview(
                    today,
                    days,
                    new Today(paidToday, takenToday, refunds.count(), refunds.total()),
                    new Payout(takenToday, commission, takenToday.minus(commission)),
                    latestPayments);
        });
    }

    /**
     * The turnover of {@link #DAYS} days (oldest first, today last), today's totals, today's registry's payout, and
     * the latest links (newest first).
     */
    public record Overview(LocalDate today, List<Day> days, Today totals, Payout payout, List<LatestPayment> latest) {

        public Overview {
            days = List.copyOf(days);
            latest = List.copyOf(latest);
        }

        /** The largest day's turnover: the chart's scale. */
        public Money maxDay() {
            return days.stream().map(Day::total).max(Money::compareTo).orElse(Money.ZERO);
        }

        /** The turnover of all the days, by way of paying. */
        public Map<PaymentMode, Money> byMode() {
            Map<PaymentMode, Money> sums = new EnumMap<>(PaymentMode.class);
            days.forEach(day -> day.byMode().forEach((mode, amount) -> sums.merge(mode, amount, Money::plus)));
            return sums;
        }
    }

    /** One Moscow day's turnover by way of paying (a way nobody paid with is absent). */
    public record Day(LocalDate date, Map<PaymentMode, Money> byMode) {

        public Day {
            byMode = Map.copyOf(byMode);
        }

        public Money total() {
            return byMode.values().stream().reduce(Money.ZERO, Money::plus);
        }

        public Money of(PaymentMode mode) {
            return byMode.getOrDefault(mode, Money.ZERO);
        }
    }

    /** Today's paid payments (how many, how much) and refunds (how many, how much). */
    public record Today(int paidCount, Money paid, int refundCount, Money refunded) {}

    /**
     * What today's registry will pay out, once the day's processing lists every payment of it (card ones included):
     * the day's payments, less the commission each retailer's rate takes from each of them (rounded per payment, as
     * {@link PaymentRegistry} does).
     */
    public record Payout(Money total, Money commission, Money net) {}

    /** One of the latest links: {@code status} as a reader sees it now; {@code paidWith} once paid. */
    public record LatestPayment(
            String operationId,
            String customerCode,
            String paymentLinkId,
            String purpose,
            Money amount,
            PaymentStatus status,
            Instant createdAt,
            @Nullable PaymentMode paidWith) {}
}
