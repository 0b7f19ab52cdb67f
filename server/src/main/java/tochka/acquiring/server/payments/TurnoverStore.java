package tochka.acquiring.server.payments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;

/**
 * The few columns the console's home page sums, read by indexed columns only: paid payments by merchant and payment
 * time ({@code payment_merchant_paid}), the latest links by company and creation time ({@code
 * payment_company_created}), refunds by kind and time ({@code payment_order_kind_created}). Read-only.
 */
final class TurnoverStore {

    /** A paid payment as the turnover counts it: whose, how it was paid, how much, when. */
    record Paid(String merchantId, PaymentMode type, Money amount, Instant paidAt) {}

    /** A link as the list of the latest shows it; {@code storedStatus} as the table holds it. */
    record Latest(
            String operationId,
            String customerCode,
            String paymentLinkId,
            String purpose,
            Money amount,
            String storedStatus,
            Instant createdAt,
            Instant expiresAt,
            @Nullable PaymentMode paidWith) {}

    /** How many refunds, and their sum. */
    record Refunds(int count, Money total) {}

    private final Handle handle;

    TurnoverStore(Handle handle) {
        this.handle = handle;
    }

    /** Payments of {@code merchantIds} paid in {@code [from, to)}, in {@code statuses} (as the schema spells them). */
    List<Paid> paid(Collection<String> merchantIds, Instant from, Instant to, Set<String> statuses) {
        if (merchantIds.isEmpty()) return List.of();
        return handle.createQuery("""
                        SELECT merchant_id, payment_type, amount_minor, paid_at FROM payment
                        WHERE merchant_id IN (<merchants>) AND paid_at >= :from AND paid_at < :to
                            AND status IN (<statuses>)
                        """)
                .bindList("merchants", List.copyOf(merchantIds))
                .bindList("statuses", List.copyOf(statuses))
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new Paid(
                        rs.getString("merchant_id"),
                        PaymentMode.ofCode(rs.getString("payment_type")),
                        new Money(rs.getLong("amount_minor")),
                        Instant.ofEpochMilli(rs.getLong("paid_at"))))
                .list();
    }

    /** The refunds made in {@code [from, to)} of payments of {@code customerCodes}. */
    Refunds refunds(Collection<String> customerCodes, Instant from, Instant to) {
        if (customerCodes.isEmpty()) return new Refunds(0, Money.ZERO);
        return handle.createQuery("""
                        SELECT COUNT(*) AS refunds, COALESCE(SUM(o.amount_minor), 0) AS total
                        FROM payment_order o JOIN payment p ON p.operation_id = o.operation_id
                        WHERE o.order_type = 'refund' AND o.created_at >= :from AND o.created_at < :to
                            AND p.customer_code IN (<codes>)
                        """)
                .bindList("codes", List.copyOf(customerCodes))
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new Refunds(rs.getInt("refunds"), new Money(rs.getLong("total"))))
                .one();
    }

    /** The {@code limit} links of {@code customerCodes} created last, newest first. */
    List<Latest> latest(Collection<String> customerCodes, int limit) {
        if (customerCodes.isEmpty()) return List.of();
        return handle.createQuery("""
                        SELECT operation_id, customer_code, payment_link_id, purpose, amount_minor, status, created_at,
                            expires_at, payment_type
                        FROM payment WHERE customer_code IN (<codes>)
                        ORDER BY created_at DESC, operation_id DESC LIMIT :limit
                        """)
                .bindList("codes", List.copyOf(customerCodes))
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    String type = rs.getString("payment_type");
                    return new Latest(
                            rs.getString("operation_id"),
                            rs.getString("customer_code"),
                            rs.getString("payment_link_id"),
                            rs.getString("purpose"),
                            new Money(rs.getLong("amount_minor")),
                            rs.getString("status"),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            Instant.ofEpochMilli(rs.getLong("expires_at")),
                            type == null ? null : PaymentMode.ofCode(type));
                })
                .list();
    }
}
