package tochka.acquiring.client;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentStatus;

/**
 * Which payment links to list ({@code GET /acquiring/v1.0/payments}): a company's, created from {@code fromDate} to
 * {@code toDate} (Moscow dates, both included, either open), in one status or any, {@code perPage} to a page.
 *
 * @param customerCode the company, or null for the client's own
 * @param fromDate the first day, or null
 * @param toDate the last day, or null
 * @param status only this status, or null for any
 * @param perPage payments per page, 1 to 1000
 */
public record PaymentQuery(
        @Nullable String customerCode,
        @Nullable LocalDate fromDate,
        @Nullable LocalDate toDate,
        @Nullable AcquiringPaymentStatus status,
        int perPage) {

    /** The most the bank puts on a page. */
    public static final int MAX_PER_PAGE = 1000;

    /** Checks the values at once, naming a wrong one. */
    public PaymentQuery {
        if (perPage < 1 || perPage > MAX_PER_PAGE)
            throw new IllegalArgumentException("perPage must be 1 to 1000: " + perPage);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new IllegalArgumentException("fromDate " + fromDate + " is after toDate " + toDate);
        }
    }

    /** Every payment of the client's company, 1000 to a page. */
    public static PaymentQuery all() {
        return new PaymentQuery(null, null, null, null, MAX_PER_PAGE);
    }

    /** This query for {@code customerCode}. */
    public PaymentQuery forCompany(String customerCode) {
        return new PaymentQuery(
                Objects.requireNonNull(customerCode, "customerCode"), fromDate, toDate, status, perPage);
    }

    /** This query from {@code fromDate} to {@code toDate}, both included. */
    public PaymentQuery between(@Nullable LocalDate fromDate, @Nullable LocalDate toDate) {
        return new PaymentQuery(customerCode, fromDate, toDate, status, perPage);
    }

    /** This query for payments in {@code status} only. */
    public PaymentQuery inStatus(AcquiringPaymentStatus status) {
        return new PaymentQuery(customerCode, fromDate, toDate, Objects.requireNonNull(status, "status"), perPage);
    }

    /** This query with {@code perPage} payments to a page. */
    public PaymentQuery perPage(int perPage) {
        return new PaymentQuery(customerCode, fromDate, toDate, status, perPage);
    }
}
