package tochka.acquiring.server.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.payments.PaymentStore.SearchQuery;

/**
 * The console's list of payments: across the companies a user sees (an admin: all), newest first, filtered by
 * company, status (as a reader sees it, expiry included), Moscow creation dates and a text, one page at a time.
 * Reads only; the console changes a payment through {@link PaymentService}.
 */
public final class PaymentSearch {

    /** Payments on one page of the list. */
    public static final int PER_PAGE = 50;
    /** The longest text searched for. */
    public static final int MAX_TEXT = 100;
    /** The last page anyone may ask for: far beyond any list a tester reads, small enough for any offset. */
    public static final int MAX_PAGE = 10_000;

    private final Transactions db;
    private final ServerClock clock;

    public PaymentSearch(Transactions db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * What a user asks the list for. {@code companies} are those the user sees, null for an admin (every company);
     * {@code customerCode} narrows to one of them; {@code from} and {@code to} are Moscow dates, both included,
     * either open; {@code page} counts from 1.
     */
    public record Criteria(
            @Nullable Set<String> companies,
            @Nullable String customerCode,
            @Nullable PaymentStatus status,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String text,
            int page) {

        public Criteria {
            if (companies != null) companies = Set.copyOf(companies);
            if (page < 1 || page > MAX_PAGE) throw new IllegalArgumentException("page " + page);
            if (text != null && (text.isEmpty() || text.length() > MAX_TEXT)) {
                throw new IllegalArgumentException("text of " + text.length() + " characters");
            }
        }
    }

    /** One page of the list, whether an older page follows, and the time its statuses were read at. */
    public record Found(List<Payment> payments, boolean more, Instant readAt) {}

    public Found search(Criteria criteria) {
        LocalDate fromDate = criteria.from();
        LocalDate toDate = criteria.to();
        Instant from = fromDate == null
                ? Instant.EPOCH
                : fromDate.atStartOfDay(BankTime.ZONE).toInstant();
        Instant to = toDate == null
                ? Instant.ofEpochMilli(Long.MAX_VALUE)
                : toDate.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
        SearchQuery query = new SearchQuery(
                criteria.companies(), criteria.customerCode(), criteria.status(), from, to, criteria.text());
        Instant now = clock.instant();
        // One more than a page tells whether another page follows, without counting the whole list.
        List<Payment> rows = db.withHandle(
                handle -> new PaymentStore(handle).search(query, now, (criteria.page() - 1) * PER_PAGE, PER_PAGE + 1));
        boolean more = rows.size() > PER_PAGE;
        return new Found(more ? rows.subList(0, PER_PAGE) : rows, more, now);
    }

    /** Every company that has a payment: what an admin may narrow the list to. */
    public List<String> companiesWithPayments() {
        return db.withHandle(handle -> new PaymentStore(handle).customerCodesWithPayments());
    }
}
