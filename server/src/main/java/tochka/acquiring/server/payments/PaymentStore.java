package tochka.acquiring.server.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Columns;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;

/**
 * Payments and their orders, over one {@link Handle}. Every state change is one guarded statement
 * ({@code UPDATE ... WHERE status = ...}) whose row count tells whether it happened; the caller owns the transaction.
 */
final class PaymentStore {

    /** The status a reader sees: an unpaid link past its expiry reads EXPIRED before the sweeper persists it. */
    private static final String EFFECTIVE_STATUS =
            "CASE WHEN status = 'CREATED' AND expires_at <= :now THEN 'EXPIRED' ELSE status END";

    private final Handle handle;
    private final ObjectMapper json;

    PaymentStore(Handle handle, ObjectMapper json) {
        this.handle = handle;
        this.json = json;
    }

    public void insert(Payment payment) {
        handle.createUpdate("""
                        INSERT INTO payment (operation_id, customer_code, merchant_id, payment_link_id, amount_minor,
                            purpose, payment_modes, redirect_url, fail_redirect_url, save_card, consumer_id,
                            pre_authorization, ttl_minutes, receipt_json, status, created_at, expires_at)
                        VALUES (:operationId, :customerCode, :merchantId, :paymentLinkId, :amount, :purpose, :modes,
                            :redirectUrl, :failRedirectUrl, :saveCard, :consumerId, :preAuthorization, :ttl, :receipt,
                            :status, :createdAt, :expiresAt)
                        """)
                .bind("operationId", payment.operationId())
                .bind("customerCode", payment.customerCode())
                .bind("merchantId", payment.merchantId())
                .bind("paymentLinkId", payment.paymentLinkId())
                .bind("amount", payment.amount().kopecks())
                .bind("purpose", payment.purpose())
                .bind("modes", Columns.join(payment.modes(), PaymentMode::wireName))
                .bind("redirectUrl", payment.redirectUrl())
                .bind("failRedirectUrl", payment.failRedirectUrl())
                .bind("saveCard", payment.saveCard())
                .bind("consumerId", payment.consumerId())
                .bind("preAuthorization", payment.preAuthorization())
                .bind("ttl", payment.ttlMinutes())
                .bind("receipt", payment.receipt() == null ? null : write(payment.receipt()))
                .bind("status", payment.storedStatus().wireName())
                .bind("createdAt", payment.createdAt().toEpochMilli())
                .bind("expiresAt", payment.expiresAt().toEpochMilli())
                .execute();
    }

    /** The payment with this id if it belongs to one of {@code companies}; others' payments are not found. */
    public Optional<Payment> find(String operationId, Collection<String> companies) {
        if (companies.isEmpty()) return Optional.empty();
        Optional<Payment> payment = handle.createQuery(
                        "SELECT * FROM payment WHERE operation_id = :id AND customer_code IN (<companies>)")
                .bind("id", operationId)
                .bindList("companies", List.copyOf(companies))
                .map((rs, ctx) -> payment(rs, List.of()))
                .findOne();
        return payment.map(found -> withOrders(List.of(found)).get(0));
    }

    /** The payment with this id, whoever owns it: for the test-control API and the hosted page. */
    public Optional<Payment> find(String operationId) {
        return handle.createQuery("SELECT * FROM payment WHERE operation_id = :id")
                .bind("id", operationId)
                .map((rs, ctx) -> payment(rs, List.of()))
                .findOne()
                .map(found -> withOrders(List.of(found)).get(0));
    }

    public boolean linkIdTaken(String customerCode, String paymentLinkId) {
        return handle.createQuery(
                        "SELECT COUNT(*) FROM payment WHERE customer_code = :code AND payment_link_id = :linkId")
                .bind("code", customerCode)
                .bind("linkId", paymentLinkId)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** Takes the company's next sequential {@code paymentLinkId} number (the row lock serialises concurrent takers). */
    public long takeLinkNumber(String customerCode) {
        return handle.createQuery("""
                        UPDATE company SET next_link_number = next_link_number + 1 WHERE customer_code = :code
                        RETURNING next_link_number - 1
                        """)
                .bind("code", customerCode)
                .mapTo(Long.class)
                .one();
    }

    /** One page of a company's payments, newest first, with the filters of the list endpoint. */
    public List<Payment> page(PaymentQuery query, Instant now) {
        Query select = handle.createQuery("SELECT * FROM (SELECT p.*, " + EFFECTIVE_STATUS + " AS effective_status"
                        + " FROM payment p WHERE customer_code = :code AND created_at >= :from AND created_at < :to) s"
                        + (query.status() == null ? "" : " WHERE effective_status = :status")
                        + " ORDER BY created_at DESC, operation_id LIMIT :limit OFFSET :offset")
                .bind("limit", query.perPage())
                .bind("offset", (long) (query.page() - 1) * query.perPage());
        List<Payment> payments =
                bindFilters(select, query, now).map((rs, ctx) -> payment(rs, List.of())).list();
        return withOrders(payments);
    }

    public long count(PaymentQuery query, Instant now) {
        Query select = handle.createQuery("SELECT COUNT(*) FROM payment WHERE customer_code = :code"
                + " AND created_at >= :from AND created_at < :to"
                + (query.status() == null ? "" : " AND " + EFFECTIVE_STATUS + " = :status"));
        return bindFilters(select, query, now).mapTo(Long.class).one();
    }

    private static Query bindFilters(Query select, PaymentQuery query, Instant now) {
        select.bind("code", query.customerCode())
                .bind("from", query.from().toEpochMilli())
                .bind("to", query.to().toEpochMilli())
                .bind("now", now.toEpochMilli());
        if (query.status() != null) select.bind("status", query.status().wireName());
        return select;
    }

    /** Paid payments of a merchant whose payment time falls in {@code [from, to)}, in settled statuses. */
    public List<Payment> settled(String merchantId, Instant from, Instant to) {
        List<Payment> payments = handle.createQuery("""
                        SELECT * FROM payment WHERE merchant_id = :merchantId AND paid_at >= :from AND paid_at < :to
                            AND status IN (<statuses>) ORDER BY paid_at, operation_id
                        """)
                .bind("merchantId", merchantId)
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .bindList("statuses", PaymentStatus.SETTLED.stream().map(PaymentStatus::wireName).toList())
                .map((rs, ctx) -> payment(rs, List.of()))
                .list();
        return withOrders(payments);
    }

    /**
     * Adds {@code amount} to what was refunded, if the payment is one of {@code companies}', is refundable and the
     * sum stays within what was paid; the status becomes REFUNDED when everything is returned.
     */
    public boolean refund(String operationId, Collection<String> companies, Money amount) {
        return handle.createUpdate("""
                        UPDATE payment SET refunded_minor = refunded_minor + :amount,
                            status = CASE WHEN refunded_minor + :amount = amount_minor
                                THEN 'REFUNDED' ELSE 'REFUNDED_PARTIALLY' END
                        WHERE operation_id = :id AND customer_code IN (<companies>)
                            AND status IN ('APPROVED', 'REFUNDED_PARTIALLY')
                            AND refunded_minor + :amount <= amount_minor
                        """)
                .bind("id", operationId)
                .bindList("companies", List.copyOf(companies))
                .bind("amount", amount.kopecks())
                .execute() == 1;
    }

    /** Moves an unexpired CREATED link to {@code status} (APPROVED or AUTHORIZED) and records how it was paid. */
    public boolean markPaid(String operationId, PaymentStatus status, Payer payer) {
        return handle.createUpdate("""
                        UPDATE payment SET status = :status, payment_type = :type, payment_id = :paymentId,
                            transaction_id = :transactionId, qrc_id = :qrcId, payer_name = :payerName,
                            paid_at = :paidAt, card_mask = :cardMask, card_brand = :cardBrand
                        WHERE operation_id = :id AND status = 'CREATED' AND expires_at > :paidAt
                        """)
                .bind("id", operationId)
                .bind("status", status.wireName())
                .bind("type", payer.type().wireName())
                .bind("paymentId", payer.paymentId())
                .bind("transactionId", payer.transactionId())
                .bind("qrcId", payer.qrcId())
                .bind("payerName", payer.payerName())
                .bind("paidAt", payer.paidAt().toEpochMilli())
                .bind("cardMask", payer.card() == null ? null : payer.card().mask())
                .bind("cardBrand", payer.card() == null ? null : payer.card().brand())
                .execute() == 1;
    }

    /** Completes a two-stage payment: AUTHORIZED becomes APPROVED. */
    public boolean capture(String operationId, Collection<String> companies) {
        return handle.createUpdate("""
                        UPDATE payment SET status = 'APPROVED'
                        WHERE operation_id = :id AND customer_code IN (<companies>) AND status = 'AUTHORIZED'
                        """)
                .bind("id", operationId)
                .bindList("companies", List.copyOf(companies))
                .execute() == 1;
    }

    /** Persists EXPIRED for every unpaid link whose ttl has run out; returns how many. */
    public int expireDue(Instant now) {
        return handle.createUpdate(
                        "UPDATE payment SET status = 'EXPIRED' WHERE status = 'CREATED' AND expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute();
    }

    public void insertOrder(String operationId, PaymentOrder order) {
        handle.createUpdate("""
                        INSERT INTO payment_order (order_id, operation_id, order_type, amount_minor, created_at)
                        VALUES (:orderId, :operationId, :type, :amount, :createdAt)
                        """)
                .bind("orderId", order.orderId())
                .bind("operationId", operationId)
                .bind("type", order.kind().wireName())
                .bind("amount", order.amount().kopecks())
                .bind("createdAt", order.time().toEpochMilli())
                .execute();
    }

    private List<Payment> withOrders(List<Payment> payments) {
        if (payments.isEmpty()) return payments;
        Map<String, List<PaymentOrder>> orders = new LinkedHashMap<>();
        handle.createQuery("SELECT * FROM payment_order WHERE operation_id IN (<ids>) ORDER BY created_at, order_id")
                .bindList("ids", payments.stream().map(Payment::operationId).toList())
                .map((rs, ctx) -> Map.entry(
                        rs.getString("operation_id"),
                        new PaymentOrder(
                                rs.getString("order_id"),
                                OrderKind.ofWireName(rs.getString("order_type")),
                                new Money(rs.getLong("amount_minor")),
                                Instant.ofEpochMilli(rs.getLong("created_at")))))
                .forEach(entry -> orders.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return payments.stream()
                .map(payment -> withOrders(payment, orders.getOrDefault(payment.operationId(), List.of())))
                .toList();
    }

    private static Payment withOrders(Payment p, List<PaymentOrder> orders) {
        return new Payment(p.operationId(), p.customerCode(), p.merchantId(), p.paymentLinkId(), p.amount(),
                p.refunded(), p.purpose(), p.modes(), p.redirectUrl(), p.failRedirectUrl(), p.saveCard(),
                p.consumerId(), p.preAuthorization(), p.ttlMinutes(), p.receipt(), p.storedStatus(), p.createdAt(),
                p.payer(), orders);
    }

    private Payment payment(ResultSet rs, List<PaymentOrder> orders) throws SQLException {
        String paymentType = rs.getString("payment_type");
        Payer payer = paymentType == null
                ? null
                : new Payer(
                        PaymentMode.ofWireName(paymentType),
                        rs.getString("payment_id"),
                        Instant.ofEpochMilli(rs.getLong("paid_at")),
                        rs.getString("transaction_id"),
                        rs.getString("qrc_id"),
                        rs.getString("payer_name"),
                        rs.getString("card_mask") == null
                                ? null
                                : new MaskedCard(rs.getString("card_mask"), rs.getString("card_brand")));
        String receipt = rs.getString("receipt_json");
        return new Payment(
                rs.getString("operation_id"),
                rs.getString("customer_code"),
                rs.getString("merchant_id"),
                rs.getString("payment_link_id"),
                new Money(rs.getLong("amount_minor")),
                new Money(rs.getLong("refunded_minor")),
                rs.getString("purpose"),
                Columns.split(rs.getString("payment_modes"), PaymentMode::ofWireName),
                rs.getString("redirect_url"),
                rs.getString("fail_redirect_url"),
                rs.getBoolean("save_card"),
                rs.getString("consumer_id"),
                rs.getBoolean("pre_authorization"),
                rs.getInt("ttl_minutes"),
                receipt == null ? null : read(receipt),
                PaymentStatus.ofWireName(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                payer,
                orders);
    }

    private String write(Receipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store receipt", e);
        }
    }

    private Receipt read(String receipt) {
        try {
            return json.readValue(receipt, Receipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored receipt is unreadable", e);
        }
    }

    /** The filters of {@code GET /acquiring/v1.0/payments}: a company, a creation window, a status, a page. */
    public record PaymentQuery(
            String customerCode, Instant from, Instant to, @Nullable PaymentStatus status, int page, int perPage) {}
}
