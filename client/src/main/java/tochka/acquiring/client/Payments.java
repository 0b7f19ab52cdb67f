package tochka.acquiring.client;

import com.fasterxml.jackson.databind.JavaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.BooleanResult;
import tochka.acquiring.api.CreatePaymentRequest;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.DataRequest;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.OperationList;
import tochka.acquiring.api.OrderType;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.PaymentOrder;
import tochka.acquiring.api.Refund;
import tochka.acquiring.api.RefundRequest;
import tochka.acquiring.api.Registry;
import tochka.acquiring.api.RegistryEntry;

/**
 * Payment links ({@code /acquiring/v1.0/payments}): create one (with or without a receipt), read it, list them,
 * refund, capture a two-stage payment, and read the day's registry.
 *
 * <p>A payment link or refund is never sent twice blindly. When its answer is lost (a timeout, a broken connection,
 * a 5xx), the client looks for what the request may have done: a link by its {@code paymentLinkId} (which the client
 * makes up when the caller gave none), a refund by the payment's new refund order. What it finds is returned as if
 * the answer had come; if the bank surely did nothing, the request is sent once more, and the bank's uniqueness of
 * {@code paymentLinkId} keeps that from making a second link. What cannot be settled so is an
 * {@link OutcomeUnknownException}.
 */
public final class Payments extends Resource {

    private static final String PAYMENTS = "/acquiring/v1.0/payments";
    private static final String WITH_RECEIPT = "/acquiring/v1.0/payments_with_receipt";
    private static final String ONE = PAYMENTS + "/{operationId}";
    private static final String REFUND = ONE + "/refund";
    private static final String CAPTURE = ONE + "/capture";
    private static final String REGISTRY = "/acquiring/v1.0/registry";

    /** The bank's dates (list windows, refund dates) are Moscow's. */
    private static final ZoneId BANK_ZONE = ZoneId.of("Europe/Moscow");

    /** How many list pages a lookup of a lost link reads before it gives up. */
    private static final int LOOKUP_PAGES = 10;

    private final Clock clock;

    Payments(Transport transport, @Nullable String defaultCustomerCode, Clock clock) {
        super(transport, defaultCustomerCode);
        this.clock = clock;
    }

    /** Creates a payment link; its {@code paymentLink} is the page to send the buyer to. */
    public CreatedPayment create(PaymentLinkRequest request) {
        return block(() -> createAsync(request), PAYMENTS);
    }

    /** {@link #create(PaymentLinkRequest)}, asynchronously. */
    public CompletableFuture<CreatedPayment> createAsync(PaymentLinkRequest request) {
        return create(request, null);
    }

    /** Creates a payment link with a 54-FZ receipt, which the bank sends to the buyer once paid. */
    public CreatedPayment createWithReceipt(PaymentLinkRequest request, Receipt receipt) {
        return block(() -> createWithReceiptAsync(request, receipt), WITH_RECEIPT);
    }

    /** {@link #createWithReceipt(PaymentLinkRequest, Receipt)}, asynchronously. */
    public CompletableFuture<CreatedPayment> createWithReceiptAsync(PaymentLinkRequest request, Receipt receipt) {
        return create(request, Objects.requireNonNull(receipt, "receipt"));
    }

    /** A payment by its {@code operationId}: status, amount, orders (approval, refunds), receipt. */
    public PaymentOperation get(String operationId) {
        return block(() -> getAsync(operationId), ONE);
    }

    /** {@link #get(String)}, asynchronously. */
    public CompletableFuture<PaymentOperation> getAsync(String operationId) {
        return get(transport.scope(), operationId);
    }

    /** The first page of payments that {@code query} picks; walk on with {@link Page#autoPagingIterable()}. */
    public Page<PaymentOperation> list(PaymentQuery query) {
        return block(() -> listAsync(query), PAYMENTS);
    }

    /** {@link #list(PaymentQuery)}, asynchronously. */
    public CompletableFuture<Page<PaymentOperation>> listAsync(PaymentQuery query) {
        Objects.requireNonNull(query, "query");
        String customerCode = company(query.customerCode());
        return page(transport.scope(), query, customerCode, 1);
    }

    /**
     * The payment link whose {@code paymentLinkId} is {@code paymentLinkId}, among the company's links created since
     * yesterday (Moscow time), if there is one.
     */
    public Optional<PaymentOperation> findByPaymentLinkId(@Nullable String customerCode, String paymentLinkId) {
        return block(() -> findByPaymentLinkIdAsync(customerCode, paymentLinkId), PAYMENTS);
    }

    /** {@link #findByPaymentLinkId(String, String)}, asynchronously. */
    public CompletableFuture<Optional<PaymentOperation>> findByPaymentLinkIdAsync(
            @Nullable String customerCode, String paymentLinkId) {
        Objects.requireNonNull(paymentLinkId, "paymentLinkId");
        return find(transport.scope(), company(customerCode), paymentLinkId);
    }

    /**
     * Refunds {@code amount} roubles of a paid payment (all of it, or a part); the answer names the refund order.
     *
     * @throws ConflictException when the payment is not paid, or less than {@code amount} is left
     */
    public Refund refund(String operationId, BigDecimal amount) {
        return block(() -> refundAsync(operationId, amount), REFUND);
    }

    /** {@link #refund(String, BigDecimal)}, asynchronously. */
    public CompletableFuture<Refund> refundAsync(String operationId, BigDecimal amount) {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 2
                || amount.precision() - amount.scale() > 15) {
            throw new IllegalArgumentException("amount must be positive whole kopecks: " + amount.toPlainString());
        }
        var call = new Transport.Call(
                "POST",
                REFUND,
                Paths.of("acquiring/v1.0/payments")
                        .segment("operationId", operationId)
                        .then("refund")
                        .toString(),
                new DataRequest<>(new RefundRequest(amount)),
                Transport.Safety.ONCE);
        Transport.Scope scope = transport.scope();
        // The refund orders before: a refund order that appears after a lost answer is this refund's.
        return get(scope, operationId)
                .thenApply(payment -> Optional.of(refundOrders(payment)))
                .exceptionally(unreadable -> Optional.empty())
                .thenCompose(before -> then(
                        transport.<Refund>data(scope, call, type(Refund.class)),
                        (refund, failure) -> failure == null
                                ? CompletableFuture.completedFuture(refund)
                                : settleRefund(
                                        scope, call, operationId, amount, before, unwrap(failure, call), false)));
    }

    /**
     * Takes the money of a two-stage payment that the buyer authorized ({@code AUTHORIZED} becomes {@code APPROVED}).
     *
     * @throws ConflictException when the payment is not {@code AUTHORIZED}
     */
    public void capture(String operationId) {
        block(() -> captureAsync(operationId), CAPTURE);
    }

    /** {@link #capture(String)}, asynchronously. */
    public CompletableFuture<Void> captureAsync(String operationId) {
        Transport.Scope scope = transport.scope();
        var call = new Transport.Call(
                "POST",
                CAPTURE,
                Paths.of("acquiring/v1.0/payments")
                        .segment("operationId", operationId)
                        .then("capture")
                        .toString(),
                null,
                Transport.Safety.ONCE);
        return then(transport.<BooleanResult>data(scope, call, type(BooleanResult.class)), (result, failure) -> {
            if (failure == null) return CompletableFuture.<@Nullable Void>completedFuture(null);
            TochkaException error = unwrap(failure, call);
            if (!inDoubt(error) || scope.cancelled()) return CompletableFuture.failedFuture(error);
            // A capture can happen only once: the payment's status tells whether it did.
            return get(scope, operationId).<@Nullable Void>handle((payment, unreadable) -> {
                if (unreadable == null && payment.status() == AcquiringPaymentStatus.APPROVED) return null;
                throw outcomeUnknown(call, "the capture", null, operationId, error);
            });
        });
    }

    /** The registry of {@code merchantId}'s payments on {@code date}: by payment type, with commission and net. */
    public List<RegistryEntry> registry(@Nullable String customerCode, String merchantId, LocalDate date) {
        return block(() -> registryAsync(customerCode, merchantId, date), REGISTRY);
    }

    /** {@link #registry(String, String, LocalDate)}, asynchronously. */
    public CompletableFuture<List<RegistryEntry>> registryAsync(
            @Nullable String customerCode, String merchantId, LocalDate date) {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(date, "date");
        return read(
                        REGISTRY,
                        Paths.of("acquiring/v1.0/registry")
                                .query("customerCode", company(customerCode))
                                .query("merchantId", merchantId)
                                .query("date", date),
                        Registry.class)
                .thenApply(Registry::entries);
    }

    private CompletableFuture<CreatedPayment> create(PaymentLinkRequest request, @Nullable Receipt receipt) {
        Objects.requireNonNull(request, "request");
        String linkId = request.paymentLinkId() != null ? request.paymentLinkId() : newPaymentLinkId();
        CreatePaymentRequest wire = request.toWire(company(request.customerCode()), linkId, receipt);
        String route = receipt == null ? PAYMENTS : WITH_RECEIPT;
        var call =
                new Transport.Call("POST", route, route.substring(1), new DataRequest<>(wire), Transport.Safety.ONCE);
        Transport.Scope scope = transport.scope();
        boolean generated = request.paymentLinkId() == null;
        return then(
                transport.<CreatedPayment>data(scope, call, type(CreatedPayment.class)),
                (created, failure) -> failure == null
                        ? CompletableFuture.completedFuture(created)
                        : settleCreate(scope, call, wire, generated, unwrap(failure, call), null));
    }

    /** A {@code paymentLinkId} for a link the caller did not name: 32 hex digits, unique to this call. */
    static String newPaymentLinkId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * After {@code failure} of a create: the link if the bank made it after all, else the create sent once more
     * (unless {@code first}, the first try's failure, says it was sent already), else the failure.
     */
    private CompletableFuture<CreatedPayment> settleCreate(
            Transport.Scope scope,
            Transport.Call call,
            CreatePaymentRequest wire,
            boolean generated,
            TochkaException failure,
            @Nullable TochkaException first) {
        boolean resent = first != null;
        // After a resend, a refusal (the paymentLinkId is taken) may mean the first request made the link.
        boolean lookUp = inDoubt(failure)
                || (resent && failure instanceof InvalidRequestException)
                || (resent && failure instanceof ConflictException);
        if (!lookUp || scope.cancelled()) return CompletableFuture.failedFuture(failure);
        String linkId = Objects.requireNonNull(wire.paymentLinkId());
        TochkaException doubt = first != null ? first : failure;
        return then(find(scope, wire.customerCode(), linkId), (found, unreadable) -> {
            if (unreadable != null) {
                throw outcomeUnknown(call, "the payment link", linkId, null, doubt);
            }
            if (found.isPresent()) return CompletableFuture.completedFuture(created(found.get()));
            if (resent) {
                // A refusal of an id this client made up can only be the first request's link, unfound;
                // a caller's own id may be an older link's, and then the refusal is the answer.
                if (inDoubt(failure) || generated) {
                    throw outcomeUnknown(call, "the payment link", linkId, null, failure);
                }
                throw failure;
            }
            if (scope.cancelled()) throw failure;
            // The bank has no such link: it did not act. The same paymentLinkId can't make a second one.
            return then(
                    transport.<CreatedPayment>data(scope, call, type(CreatedPayment.class)),
                    (created, again) -> again == null
                            ? CompletableFuture.completedFuture(created)
                            : settleCreate(scope, call, wire, generated, unwrap(again, call), failure));
        });
    }

    /**
     * After {@code failure} of a refund: the refund order that appeared since {@code before}, else the refund sent
     * once more (unless {@code resent} already), else the failure.
     */
    private CompletableFuture<Refund> settleRefund(
            Transport.Scope scope,
            Transport.Call call,
            String operationId,
            BigDecimal amount,
            Optional<Set<String>> before,
            TochkaException failure,
            boolean resent) {
        if (!inDoubt(failure) || scope.cancelled()) return CompletableFuture.failedFuture(failure);
        if (before.isEmpty()) {
            return CompletableFuture.failedFuture(outcomeUnknown(call, "the refund", null, operationId, failure));
        }
        return then(get(scope, operationId), (payment, unreadable) -> {
            if (unreadable != null) throw outcomeUnknown(call, "the refund", null, operationId, failure);
            Optional<PaymentOrder> made = orders(payment).stream()
                    .filter(order -> order.type() == OrderType.REFUND)
                    .filter(order -> !before.get().contains(order.orderId()))
                    .filter(order -> order.amount().compareTo(amount) == 0)
                    .findFirst();
            if (made.isPresent()) {
                return CompletableFuture.completedFuture(refund(operationId, made.get()));
            }
            if (resent) throw outcomeUnknown(call, "the refund", null, operationId, failure);
            if (scope.cancelled()) throw failure;
            return then(
                    transport.<Refund>data(scope, call, type(Refund.class)),
                    (refund, again) -> again == null
                            ? CompletableFuture.completedFuture(refund)
                            : settleRefund(scope, call, operationId, amount, before, unwrap(again, call), true));
        });
    }

    private CompletableFuture<PaymentOperation> get(Transport.Scope scope, String operationId) {
        String path = Paths.of("acquiring/v1.0/payments")
                .segment("operationId", operationId)
                .toString();
        var call = new Transport.Call("GET", ONE, path, null, Transport.Safety.RETRY);
        return transport
                .<OperationList>data(scope, call, type(OperationList.class))
                .thenApply(list -> {
                    if (list.operations() == null || list.operations().isEmpty()) {
                        throw new ServerException(
                                call.name(), 200, null, "the bank answered no Operation for " + operationId);
                    }
                    return list.operations().get(0);
                });
    }

    /** Page {@code number} of {@code query}; the pages after it are fetched each in a scope of its own. */
    private CompletableFuture<Page<PaymentOperation>> page(
            Transport.Scope scope, PaymentQuery query, String customerCode, int number) {
        Paths path = Paths.of("acquiring/v1.0/payments")
                .query("customerCode", customerCode)
                .query("fromDate", query.fromDate())
                .query("toDate", query.toDate())
                .query("status", query.status() == null ? null : query.status().value())
                .query("page", number)
                .query("perPage", query.perPage());
        JavaType type = type(OperationList.class);
        var call = new Transport.Call("GET", PAYMENTS, path.toString(), null, Transport.Safety.RETRY);
        return transport
                .<OperationList>envelope(scope, call, type)
                .thenApply((Envelope<OperationList> answer) -> new Page<>(
                        answer.data().operations() == null
                                ? List.of()
                                : answer.data().operations(),
                        number,
                        answer.meta() == null
                                ? number
                                : Math.max(number, answer.meta().totalPages()),
                        next -> page(transport.scope(), query, customerCode, next),
                        PAYMENTS));
    }

    /** The link {@code paymentLinkId} among the company's links since yesterday (Moscow), within {@code scope}. */
    private CompletableFuture<Optional<PaymentOperation>> find(
            Transport.Scope scope, String customerCode, String paymentLinkId) {
        LocalDate since = LocalDate.now(clock.withZone(BANK_ZONE)).minusDays(1);
        PaymentQuery query = PaymentQuery.all().between(since, null);
        return page(scope, query, customerCode, 1)
                .thenCompose(first -> search(scope, query, customerCode, first, paymentLinkId));
    }

    private CompletableFuture<Optional<PaymentOperation>> search(
            Transport.Scope scope,
            PaymentQuery query,
            String customerCode,
            Page<PaymentOperation> page,
            String paymentLinkId) {
        Optional<PaymentOperation> found = page.items().stream()
                .filter(payment -> paymentLinkId.equals(payment.paymentLinkId()))
                .findFirst();
        if (found.isPresent() || !page.hasNext() || page.number() >= LOOKUP_PAGES) {
            return CompletableFuture.completedFuture(found);
        }
        return page(scope, query, customerCode, page.number() + 1)
                .thenCompose(next -> search(scope, query, customerCode, next, paymentLinkId));
    }

    /** Whether the bank may have acted although the caller got no answer. */
    static boolean inDoubt(TochkaException failure) {
        if (failure instanceof NetworkException network) return network.mayHaveArrived();
        if (!(failure instanceof ServerException)) return false;
        int status = failure.httpStatus();
        // A 5xx may come after the bank acted; a 2xx this client could not read means it did.
        return status >= 500 || (status >= 200 && status < 300);
    }

    private static TochkaException unwrap(Throwable failure, Transport.Call call) {
        return Transport.unwrap(failure, call.name());
    }

    private static OutcomeUnknownException outcomeUnknown(
            Transport.Call call,
            String what,
            @Nullable String paymentLinkId,
            @Nullable String operationId,
            TochkaException failure) {
        String lookUp = paymentLinkId != null
                ? "look the link up by paymentLinkId " + paymentLinkId
                : "read payment " + operationId + "'s refund orders";
        return new OutcomeUnknownException(
                call.name(),
                "no answer came (" + failure.getMessage() + "), and whether the bank made " + what
                        + " could not be told; " + lookUp + " before trying again",
                paymentLinkId,
                operationId,
                failure);
    }

    /** The payment's orders; none when the bank left {@code Order} out. */
    @SuppressWarnings("NullAway") // the record says always present; the bank's answers are not so sure
    private static List<PaymentOrder> orders(PaymentOperation payment) {
        return payment.order() == null ? List.of() : payment.order();
    }

    /**
     * {@code next} of {@code stage}'s value or failure, flattened: a {@code handle} whose function may start another
     * call, or end in a value or an exception at once.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the nested stage is flattened here, not dropped
    private static <T, U> CompletableFuture<U> then(
            CompletableFuture<T> stage, BiFunction<? super T, Throwable, ? extends CompletionStage<U>> next) {
        return stage.<CompletionStage<U>>handle(next).thenCompose(Function.identity());
    }

    private static Set<String> refundOrders(PaymentOperation payment) {
        return orders(payment).stream()
                .filter(order -> order.type() == OrderType.REFUND)
                .map(PaymentOrder::orderId)
                .collect(Collectors.toSet());
    }

    private Refund refund(String operationId, PaymentOrder order) {
        return new Refund(
                true, operationId, order.amount(), bankDate(order.time()).toString(), order.orderId());
    }

    /** The Moscow date of an order's {@code time}; today's when the bank wrote it in a form this can't read. */
    private LocalDate bankDate(@Nullable String time) {
        if (time != null && time.length() <= 64) {
            try {
                return OffsetDateTime.parse(time).atZoneSameInstant(BANK_ZONE).toLocalDate();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(time).toLocalDate(); // no offset: the bank's own, Moscow's
                } catch (DateTimeParseException again) {
                    // fall through to today
                }
            }
        }
        return LocalDate.now(clock.withZone(BANK_ZONE));
    }

    /** A found link as the create's answer would have given it. */
    private static CreatedPayment created(PaymentOperation payment) {
        return new CreatedPayment(
                payment.purpose() == null ? "" : payment.purpose(),
                payment.status(),
                payment.amount(),
                payment.operationId(),
                payment.paymentLink(),
                payment.consumerId(),
                payment.merchantId(),
                payment.preAuthorization(),
                null,
                payment.paymentLinkId(),
                payment.paymentMode() == null ? List.of() : payment.paymentMode(),
                payment.customerCode(),
                payment.redirectUrl(),
                payment.failRedirectUrl(),
                payment.taxSystemCode(),
                payment.client(),
                payment.items(),
                payment.supplier());
    }
}
