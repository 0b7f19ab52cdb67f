package tochka.acquiring.server.payments;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Columns;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.payments.PaymentStatus.Move;

/**
 * Payments and their orders, over one {@link Handle}. Every state change is one guarded statement
 * ({@code UPDATE ... WHERE status IN (...)}) whose row count tells whether it happened; the statuses of each guard
 * are bound from {@link Move}, the one table of what may follow what. The caller owns the transaction.
 */
final class PaymentStore {

    /**
     * The status a reader sees: a link {@link Move#EXPIRE} starts from, past its expiry, reads EXPIRED before the
     * sweeper persists it. The same rule as {@link Payment#status}, built here from the same move because the lists
     * must filter and count by it in SQL (a page and its count must agree); its literals are constants, not input.
     */
    private static final String EFFECTIVE_STATUS = "CASE WHEN status IN (" + literals(Move.EXPIRE.from())
            + ") AND expires_at <= :now THEN " + literals(Move.EXPIRE.to()) + " ELSE status END";

    /**
     * The receipt column's JSON: the wire records as they are, decimals read and written exactly (never through a
     * double, never in exponent form), fields this version does not know ignored.
     */
    private static final ObjectMapper RECEIPT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final Handle handle;

    PaymentStore(Handle handle) {
        this.handle = handle;
    }

    /**
     * Inserts the payment unless its company already has a payment link with its {@code paymentLinkId}: false then,
     * and nothing is written (the statement does not fail, so the transaction goes on, on PostgreSQL too).
     */
    public boolean insert(Payment payment) {
        int inserted = handle.createUpdate("""
                        INSERT INTO payment (operation_id, customer_code, merchant_id, payment_link_id, amount_minor,
                            purpose, payment_modes, redirect_url, fail_redirect_url, save_card, consumer_id,
                            pre_authorization, ttl_minutes, receipt_json, status, created_at, expires_at)
                        VALUES (:operationId, :customerCode, :merchantId, :paymentLinkId, :amount, :purpose, :modes,
                            :redirectUrl, :failRedirectUrl, :saveCard, :consumerId, :preAuthorization, :ttl, :receipt,
                            :status, :createdAt, :expiresAt)
                        ON CONFLICT (customer_code, payment_link_id) DO NOTHING
                        """)
                .bind("operationId", payment.operationId())
                .bind("customerCode", payment.customerCode())
                .bind("merchantId", payment.merchantId())
                .bind("paymentLinkId", payment.paymentLinkId())
                .bind("amount", payment.amount())
                .bind("purpose", payment.purpose())
                .bind("modes", Columns.join(payment.modes(), PaymentMode::code))
                .bind("redirectUrl", payment.redirectUrl())
                .bind("failRedirectUrl", payment.failRedirectUrl())
                .bind("saveCard", payment.saveCard())
                .bind("consumerId", payment.consumerId())
                .bind("preAuthorization", payment.preAuthorization())
                .bind("ttl", payment.ttlMinutes())
                .bind("receipt", payment.receipt() == null ? null : write(payment.receipt()))
                .bind("status", stored(payment.storedStatus()))
                .bind("createdAt", payment.createdAt())
                .bind("expiresAt", payment.expiresAt())
                .execute();
        if (inserted == 0) return false;
        handle.createUpdate("UPDATE company SET payment_count = payment_count + 1 WHERE customer_code = :code")
                .bind("code", payment.customerCode())
                .execute();
        return true;
    }

    /** The payment with this id if it belongs to one of {@code companies}; others' payments are not found. */
    public Optional<Payment> find(String operationId, Collection<String> companies) {
        if (companies.isEmpty()) return Optional.empty();
        Optional<Payment> payment = handle.createQuery(
                        "SELECT * FROM payment WHERE operation_id = :id AND customer_code IN (<companies>)")
                .bind("id", operationId)
                .bindList("companies", List.copyOf(companies))
                .map(PAYMENT)
                .findOne();
        return payment.map(found -> withOrders(List.of(found)).get(0));
    }

    /** The payment with this id, whoever owns it: for the test-control API and the hosted page. */
    public Optional<Payment> find(String operationId) {
        return handle.createQuery("SELECT * FROM payment WHERE operation_id = :id")
                .bind("id", operationId)
                .map(PAYMENT)
                .findOne()
                .map(found -> withOrders(List.of(found)).get(0));
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
        List<Payment> payments = bindFilters(select, query, now).map(PAYMENT).list();
        return withOrders(payments);
    }

    public long count(PaymentQuery query, Instant now) {
        if (query.everything()) {
            return handle.createQuery("SELECT payment_count FROM company WHERE customer_code = :code")
                    .bind("code", query.customerCode())
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(0L);
        }
        Query select = handle.createQuery("SELECT COUNT(*) FROM payment WHERE customer_code = :code"
                + " AND created_at >= :from AND created_at < :to"
                + (query.status() == null ? "" : " AND " + EFFECTIVE_STATUS + " = :status"));
        return bindFilters(select, query, now).mapTo(Long.class).one();
    }

    private static Query bindFilters(Query select, PaymentQuery query, Instant now) {
        select.bind("code", query.customerCode())
                .bind("from", query.from())
                .bind("to", query.to())
                .bind("now", now);
        if (query.status() != null) select.bind("status", stored(query.status()));
        return select;
    }

    /** Paid payments of a merchant whose payment time falls in {@code [from, to)}, in settled statuses. */
    public List<Payment> settled(String merchantId, Instant from, Instant to) {
        List<Payment> payments = handle.createQuery("""
                        SELECT * FROM payment WHERE merchant_id = :merchantId AND paid_at >= :from AND paid_at < :to
                            AND status IN (<statuses>) ORDER BY paid_at, operation_id
                        """)
                .bind("merchantId", merchantId)
                .bind("from", from)
                .bind("to", to)
                .bindList("statuses", stored(PaymentStatus.SETTLED))
                .map(PAYMENT)
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
                                THEN :refunded ELSE :partially END
                        WHERE operation_id = :id AND customer_code IN (<companies>)
                            AND status IN (<from>)
                            AND refunded_minor + :amount <= amount_minor
                        """)
                        .bind("id", operationId)
                        .bindList("companies", List.copyOf(companies))
                        .bindList("from", stored(Move.REFUND.from()))
                        .bind("refunded", stored(target(Move.REFUND, PaymentStatus.REFUNDED)))
                        .bind("partially", stored(target(Move.REFUND, PaymentStatus.REFUNDED_PARTIALLY)))
                        .bind("amount", amount)
                        .execute()
                == 1;
    }

    /** Moves an unexpired CREATED link to {@code status} (APPROVED or AUTHORIZED) and records how it was paid. */
    public boolean markPaid(String operationId, PaymentStatus status, Payer payer) {
        return handle.createUpdate("""
                        UPDATE payment SET status = :status, payment_type = :type, payment_id = :paymentId,
                            transaction_id = :transactionId, qrc_id = :qrcId, payer_name = :payerName,
                            paid_at = :paidAt, card_mask = :cardMask, card_brand = :cardBrand
                        WHERE operation_id = :id AND status IN (<from>) AND expires_at > :paidAt
                        """)
                        .bind("id", operationId)
                        .bindList("from", stored(Move.PAY.from()))
                        .bind("status", stored(target(Move.PAY, status)))
                        .bind("type", payer.type().code())
                        .bind("paymentId", payer.paymentId())
                        .bind("transactionId", payer.transactionId())
                        .bind("qrcId", payer.qrcId())
                        .bind("payerName", payer.payerName())
                        .bind("paidAt", payer.paidAt())
                        .bind(
                                "cardMask",
                                payer.card() == null ? null : payer.card().mask())
                        .bind(
                                "cardBrand",
                                payer.card() == null ? null : payer.card().brand())
                        .execute()
                == 1;
    }

    /** Completes a two-stage payment: AUTHORIZED becomes APPROVED. */
    public boolean capture(String operationId, Collection<String> companies) {
        return handle.createUpdate("""
                        UPDATE payment SET status = :approved
                        WHERE operation_id = :id AND customer_code IN (<companies>) AND status IN (<from>)
                        """)
                        .bind("id", operationId)
                        .bindList("from", stored(Move.CAPTURE.from()))
                        .bind("approved", stored(target(Move.CAPTURE, PaymentStatus.APPROVED)))
                        .bindList("companies", List.copyOf(companies))
                        .execute()
                == 1;
    }

    /** Persists EXPIRED for every unpaid link whose ttl has run out; returns how many. */
    public int expireDue(Instant now) {
        return handle.createUpdate(
                        "UPDATE payment SET status = :expired WHERE status IN (<from>) AND expires_at <= :now")
                .bindList("from", stored(Move.EXPIRE.from()))
                .bind("expired", stored(target(Move.EXPIRE, PaymentStatus.EXPIRED)))
                .bind("now", now)
                .execute();
    }

    public void insertOrder(String operationId, PaymentOrder order) {
        handle.createUpdate("""
                        INSERT INTO payment_order (order_id, operation_id, order_type, amount_minor, created_at)
                        VALUES (:orderId, :operationId, :type, :amount, :createdAt)
                        """)
                .bind("orderId", order.orderId())
                .bind("operationId", operationId)
                .bind("type", stored(order.kind()))
                .bind("amount", order.amount())
                .bind("createdAt", order.time())
                .execute();
    }

    private List<Payment> withOrders(List<Payment> payments) {
        // A link still CREATED was never paid, and every order is written with the change that leaves CREATED: an
        // unpaid link, which a shop polls while its buyer pays, costs one query, not two.
        List<String> paid = payments.stream()
                .filter(payment -> payment.storedStatus() != PaymentStatus.CREATED)
                .map(Payment::operationId)
                .toList();
        if (paid.isEmpty()) return payments;
        Map<String, List<PaymentOrder>> orders = new LinkedHashMap<>();
        handle.createQuery("SELECT * FROM payment_order WHERE operation_id IN (<ids>) ORDER BY created_at, order_id")
                .bindList("ids", paid)
                .map((rs, ctx) -> Map.entry(rs.getString("operation_id"), ORDER.map(rs, ctx)))
                .forEach(entry -> orders.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return payments.stream()
                .map(payment -> payment.withOrders(orders.getOrDefault(payment.operationId(), List.of())))
                .toList();
    }

    /** A {@code payment} row, without its orders (they have their own table, read by {@link #withOrders}). */
    private static final RowMapper<Payment> PAYMENT = (rs, ctx) -> new Payment(
            rs.getString("operation_id"),
            rs.getString("customer_code"),
            rs.getString("merchant_id"),
            rs.getString("payment_link_id"),
            column(rs, "amount_minor", Money.class, ctx),
            column(rs, "refunded_minor", Money.class, ctx),
            rs.getString("purpose"),
            Columns.split(rs.getString("payment_modes"), PaymentMode::ofCode),
            rs.getString("redirect_url"),
            rs.getString("fail_redirect_url"),
            rs.getBoolean("save_card"),
            rs.getString("consumer_id"),
            rs.getBoolean("pre_authorization"),
            rs.getInt("ttl_minutes"),
            receipt(rs.getString("receipt_json")),
            status(rs.getString("status")),
            column(rs, "created_at", Instant.class, ctx),
            payer(rs, ctx),
            List.of());

    /** How a paid link was paid: the payer columns, all NULL until it is. */
    private static @Nullable Payer payer(ResultSet rs, StatementContext ctx) throws SQLException {
        String paymentType = rs.getString("payment_type");
        if (paymentType == null) return null;
        String cardMask = rs.getString("card_mask");
        return new Payer(
                PaymentMode.ofCode(paymentType),
                rs.getString("payment_id"),
                column(rs, "paid_at", Instant.class, ctx),
                rs.getString("transaction_id"),
                rs.getString("qrc_id"),
                rs.getString("payer_name"),
                cardMask == null ? null : new MaskedCard(cardMask, rs.getString("card_brand")));
    }

    /** A {@code payment_order} row. */
    private static final RowMapper<PaymentOrder> ORDER = (rs, ctx) -> new PaymentOrder(
            rs.getString("order_id"),
            OrderKind.valueOf(rs.getString("order_type").toUpperCase(Locale.ROOT)),
            column(rs, "amount_minor", Money.class, ctx),
            column(rs, "created_at", Instant.class, ctx));

    /** A NOT NULL column of a type the database's column mappers know ({@code Money}, {@code Instant}). */
    private static <T> T column(ResultSet rs, String name, Class<T> type, StatementContext ctx) throws SQLException {
        T value = ctx.findColumnMapperFor(type)
                .orElseThrow(() -> new IllegalStateException("no column mapper for " + type))
                .map(rs, name, ctx);
        if (value == null) throw new IllegalStateException("column " + name + " is NULL");
        return value;
    }

    private static String stored(PaymentStatus status) {
        return status.column();
    }

    private static List<String> stored(Set<PaymentStatus> statuses) {
        return statuses.stream().map(PaymentStore::stored).toList();
    }

    private static PaymentStatus status(String stored) {
        return PaymentStatus.ofColumn(stored);
    }

    /** How the schema spells an order kind: {@code approval}, {@code authorized}, {@code refund}. */
    private static String stored(OrderKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** {@code statuses} as SQL literals, for the one expression that cannot take parameters everywhere it is used. */
    private static String literals(Set<PaymentStatus> statuses) {
        return String.join(
                ", ", stored(statuses).stream().map(name -> "'" + name + "'").toList());
    }

    /** {@code status}, checked to be where {@code move} may end. */
    private static PaymentStatus target(Move move, PaymentStatus status) {
        if (!move.to().contains(status)) throw new IllegalArgumentException(move + " never ends in " + status);
        return status;
    }

    private static String write(Receipt receipt) {
        try {
            return RECEIPT_JSON.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store receipt", e);
        }
    }

    private static @Nullable Receipt receipt(@Nullable String column) {
        if (column == null) return null;
        try {
            return RECEIPT_JSON.readValue(column, Receipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored receipt is unreadable", e);
        }
    }

    // ---- the console's list (PaymentSearch) ----------------------------------------------------------------------

    /**
     * Up to {@code limit} payments from {@code offset}, newest first, of {@code companies} (null: every company),
     * filtered as {@code search} says; the text matches the ids, the purpose, the consumer and the payer's name.
     */
    List<Payment> search(SearchQuery search, Instant now, int offset, int limit) {
        StringBuilder where = new StringBuilder("created_at >= :from AND created_at < :to");
        if (search.companies() != null) where.append(" AND customer_code IN (<companies>)");
        if (search.customerCode() != null) where.append(" AND customer_code = :code");
        if (search.text() != null) {
            where.append(" AND (");
            List<String> matches = new ArrayList<>();
            for (String column : SEARCHED_COLUMNS) {
                // LIKE is case-blind for ASCII only on SQLite and not at all on PostgreSQL; LOWER() folds every
                // letter on PostgreSQL, ASCII only on SQLite (where a Cyrillic word matches in the case typed).
                matches.add(column + " LIKE :typed ESCAPE '!' OR LOWER(" + column + ") LIKE :lower ESCAPE '!'");
            }
            where.append(String.join(" OR ", matches)).append(')');
        }
        Query select = handle.createQuery("SELECT * FROM (SELECT p.*, " + EFFECTIVE_STATUS + " AS effective_status"
                        + " FROM payment p WHERE " + where + ") s"
                        + (search.status() == null ? "" : " WHERE effective_status = :status")
                        + " ORDER BY created_at DESC, operation_id LIMIT :limit OFFSET :offset")
                .bind("from", search.from())
                .bind("to", search.to())
                .bind("now", now)
                .bind("limit", limit)
                .bind("offset", (long) offset);
        if (search.companies() != null) {
            if (search.companies().isEmpty()) return List.of();
            select.bindList("companies", List.copyOf(search.companies()));
        }
        if (search.customerCode() != null) select.bind("code", search.customerCode());
        if (search.status() != null) select.bind("status", stored(search.status()));
        if (search.text() != null) {
            String pattern = "%" + likeEscaped(search.text()) + "%";
            select.bind("typed", pattern).bind("lower", pattern.toLowerCase(Locale.ROOT));
        }
        return withOrders(select.map(PAYMENT).list());
    }

    /** The columns the console's text search looks in. */
    private static final List<String> SEARCHED_COLUMNS =
            List.of("operation_id", "payment_link_id", "purpose", "consumer_id", "payer_name");

    /**
     * {@code text} with LIKE's wildcards and its escape character ({@code !}, not a backslash, which the SQL
     * parsers of the two databases and Jdbi read differently) taken literally.
     */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The companies that have payments: the admin's choice of companies in the console's list. */
    List<String> customerCodesWithPayments() {
        return handle.createQuery("SELECT DISTINCT customer_code FROM payment ORDER BY customer_code")
                .mapTo(String.class)
                .list();
    }

    /**
     * Expires an unpaid link of one of {@code companies} now, before its ttl runs out (the console's test control),
     * if it is in a status {@link Move#EXPIRE} starts from.
     */
    boolean expireNow(String operationId, Collection<String> companies) {
        if (companies.isEmpty()) return false;
        return handle.createUpdate("""
                        UPDATE payment SET status = :expired
                        WHERE operation_id = :id AND customer_code IN (<companies>) AND status IN (<from>)
                        """)
                        .bind("id", operationId)
                        .bindList("companies", List.copyOf(companies))
                        .bindList("from", stored(Move.EXPIRE.from()))
                        .bind("expired", stored(target(Move.EXPIRE, PaymentStatus.EXPIRED)))
                        .execute()
                == 1;
    }

    /**
     * What the console's list asks for: {@code companies} the user sees (null: an admin, who sees all), one of them
     * if chosen, a creation window {@code [from, to)}, a status, a text.
     */
    record SearchQuery(
            @Nullable Set<String> companies,
            @Nullable String customerCode,
            @Nullable PaymentStatus status,
            Instant from,
            Instant to,
            @Nullable String text) {}

    /** The filters of {@code GET /acquiring/v1.0/payments}: a company, a creation window, a status, a page. */
    public record PaymentQuery(
            String customerCode,
            Instant from,
            Instant to,
            @Nullable PaymentStatus status,
            int page,
            int perPage) {

        /** The bounds of a list without dates. */
        public static final Instant BEGINNING = Instant.EPOCH;

        public static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

        /** Whether this asks for all of the company's payments, whose number the company's row keeps. */
        boolean everything() {
            return status == null && from.equals(BEGINNING) && to.equals(END);
        }
    }
}
