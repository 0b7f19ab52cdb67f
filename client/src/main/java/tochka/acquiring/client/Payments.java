package tochka.acquiring.client;

import com.fasterxml.jackson.databind.JavaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
        return await(createAsync(request), PAYMENTS);
    }

    /** {@link #create(PaymentLinkRequest)}, asynchronously. */
    public CompletableFuture<CreatedPayment> createAsync(PaymentLinkRequest request) {
        return create(request, null);
    }

    /** Creates a payment link with a 54-FZ receipt, which the bank sends to the buyer once paid. */
    public CreatedPayment createWithReceipt(PaymentLinkRequest request, Receipt receipt) {
        return await(createWithReceiptAsync(request, receipt), WITH_RECEIPT);
    }

    /** {@link #createWithReceipt(PaymentLinkRequest, Receipt)}, asynchronously. */
    public CompletableFuture<CreatedPayment> createWithReceiptAsync(PaymentLinkRequest request, Receipt receipt) {
        return create(request, Objects.requireNonNull(receipt, "receipt"));
    }

    /** A payment by its {@code operationId}: status, amount, orders (approval, refunds), receipt. */
    public PaymentOperation get(String operationId) {
        return await(getAsync(operationId), ONE);
    }

    /** {@link #get(String)}, asynchronously. */
    public CompletableFuture<PaymentOperation> getAsync(String operationId) {
        return read(ONE, Paths.of("acquiring/v1.0/payments").segment("operationId", operationId), OperationList.class)
                .thenApply(list -> {
                    if (list.operations().isEmpty()) {
                        throw new ServerException(ONE, 200, null, "the bank answered no Operation for " + operationId);
                    }
                    return list.operations().get(0);
                });
    }

    /** The first page of payments that {@code query} picks; walk on with {@link Page#autoPagingIterable()}. */
    public Page<PaymentOperation> list(PaymentQuery query) {
        return await(listAsync(query), PAYMENTS);
    }

    /** {@link #list(PaymentQuery)}, asynchronously. */
    public CompletableFuture<Page<PaymentOperation>> listAsync(PaymentQuery query) {
        Objects.requireNonNull(query, "query");
        String customerCode = company(query.customerCode());
        return page(query, customerCode, 1);
    }

    /**
     * The payment link whose {@code paymentLinkId} is {@code paymentLinkId}, among the company's links created since
     * yesterday (Moscow time), if there is one.
     */
    public Optional<PaymentOperation> findByPaymentLinkId(@Nullable String customerCode, String paymentLinkId) {
        return await(findByPaymentLinkIdAsync(customerCode, paymentLinkId), PAYMENTS);
    }

    /** {@link #findByPaymentLinkId(String, String)}, asynchronously. */
    public CompletableFuture<Optional<PaymentOperation>> findByPaymentLinkIdAsync(
            @Nullable String customerCode, String paymentLinkId) {
        Objects.requireNonNull(paymentLinkId, "paymentLinkId");
        LocalDate since = LocalDate.now(clock.withZone(BANK_ZONE)).minusDays(1);
        PaymentQuery query = PaymentQuery.all().between(since, null);
        return page(query, company(customerCode), 1).thenCompose(first -> search(first, paymentLinkId, 1));
    }

    /**
     * Refunds {@code amount} roubles of a paid payment (all of it, or a part); the answer names the refund order.
     *
     * @throws ConflictException when the payment is not paid, or less than {@code amount} is left
     */
    public Refund refund(String operationId, BigDecimal amount) {
        return await(refundAsync(operationId, amount), REFUND);
    }

    /** {@link #refund(String, BigDecimal)}, asynchronously. */
    public CompletableFuture<Refund> refundAsync(String operationId, BigDecimal amount) {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
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
        // The refund orders before: a refund order that appears after a lost answer is this refund's.
        return getAsync(operationId)
                .thenApply(payment -> Optional.of(refundOrders(payment)))
                .exceptionally(unreadable -> Optional.empty())
                .thenCompose(before -> this.<Refund>send(call, type(Refund.class))
                        .handle((refund, failure) -> failure == null
                                ? CompletableFuture.completedFuture(refund)
                                : settleRefund(call, operationId, amount, before, unwrap(failure, call), false))
                        .thenCompose(Function.identity()));
    }

    /**
     * Takes the money of a two-stage payment that the buyer authorized ({@code AUTHORIZED} becomes {@code APPROVED}).
     *
     * @throws ConflictException when the payment is not {@code AUTHORIZED}
     */
    public void capture(String operationId) {
        await(captureAsync(operationId), CAPTURE);
    }

    /** {@link #capture(String)}, asynchronously. */
    public CompletableFuture<Void> captureAsync(String operationId) {
        var call = new Transport.Call(
                "POST",
                CAPTURE,
                Paths.of("acquiring/v1.0/payments")
                        .segment("operationId", operationId)
                        .then("capture")
                        .toString(),
                null,
                Transport.Safety.ONCE);
        return this.<BooleanResult>send(call, type(BooleanResult.class))
                .<CompletableFuture<Void>>handle((result, failure) -> {
                    if (failure == null) return CompletableFuture.completedFuture(null);
                    TochkaException error = unwrap(failure, call);
                    if (!inDoubt(error)) return CompletableFuture.failedFuture(error);
                    // A capture can happen only once: the payment's status tells whether it did.
                    return getAsync(operationId).handle((payment, unreadable) -> {
                        if (unreadable == null && payment.status() == AcquiringPaymentStatus.APPROVED) return null;
                        throw outcomeUnknown(call, "the capture", null, operationId, error);
                    });
                })
                .thenCompose(Function.identity());
    }

    /** The registry of {@code merchantId}'s payments on {@code date}: by payment type, with commission and net. */
    public List<RegistryEntry> registry(@Nullable String customerCode, String merchantId, LocalDate date) {
        return await(registryAsync(customerCode, merchantId, date), REGISTRY);
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
        String linkId = request.paymentLinkId() != null
                ? request.paymentLinkId()
                : UUID.randomUUID().toString().replace("-", "");
        CreatePaymentRequest wire = request.toWire(company(request.customerCode()), linkId, receipt);
        String route = receipt == null ? PAYMENTS : WITH_RECEIPT;
        var call =
                new Transport.Call("POST", route, route.substring(1), new DataRequest<>(wire), Transport.Safety.ONCE);
        return this.<CreatedPayment>send(call, type(CreatedPayment.class))
                .handle((created, failure) -> failure == null
                        ? CompletableFuture.completedFuture(created)
                        : settleCreate(call, wire, unwrap(failure, call), false))
                .thenCompose(Function.identity());
    }

    /**
     * After {@code failure} of a create: the link if the bank made it after all, else the create sent once more
     * (unless {@code resent} already), else the failure.
     */
    private CompletableFuture<CreatedPayment> settleCreate(
            Transport.Call call, CreatePaymentRequest wire, TochkaException failure, boolean resent) {
        // After a resend, a refusal (the paymentLinkId is taken) may mean the first request made the link.
        boolean lookUp = inDoubt(failure)
                || (resent && failure instanceof InvalidRequestException)
                || (resent && failure instanceof ConflictException);
        if (!lookUp) return CompletableFuture.failedFuture(failure);
        String linkId = Objects.requireNonNull(wire.paymentLinkId());
        return findByPaymentLinkIdAsync(wire.customerCode(), linkId)
                .handle((found, unreadable) -> {
                    if (unreadable != null) {
                        throw outcomeUnknown(call, "the payment link", linkId, null, failure);
                    }
                    if (found.isPresent()) return CompletableFuture.completedFuture(created(found.get()));
                    if (resent) {
                        if (inDoubt(failure)) throw outcomeUnknown(call, "the payment link", linkId, null, failure);
                        throw failure;
                    }
                    // The bank has no such link: it did not act. The same paymentLinkId can't make a second one.
                    return this.<CreatedPayment>send(call, type(CreatedPayment.class))
                            .handle((created, again) -> again == null
                                    ? CompletableFuture.completedFuture(created)
                                    : settleCreate(call, wire, unwrap(again, call), true))
                            .thenCompose(Function.identity());
                })
                .thenCompose(Function.identity());
    }

    /**
     * After {@code failure} of a refund: the refund order that appeared since {@code before}, else the refund sent
     * once more (unless {@code resent} already), else the failure.
     */
    private CompletableFuture<Refund> settleRefund(
            Transport.Call call,
            String operationId,
            BigDecimal amount,
            Optional<Set<String>> before,
            TochkaException failure,
            boolean resent) {
        if (!inDoubt(failure)) return CompletableFuture.failedFuture(failure);
        if (before.isEmpty()) {
            return CompletableFuture.failedFuture(outcomeUnknown(call, "the refund", null, operationId, failure));
        }
        return getAsync(operationId)
                .handle((payment, unreadable) -> {
                    if (unreadable != null) throw outcomeUnknown(call, "the refund", null, operationId, failure);
                    Optional<PaymentOrder> made = payment.order().stream()
                            .filter(order -> order.type() == OrderType.REFUND)
                            .filter(order -> !before.get().contains(order.orderId()))
                            .filter(order -> order.amount().compareTo(amount) == 0)
                            .findFirst();
                    if (made.isPresent()) {
                        return CompletableFuture.completedFuture(refund(operationId, made.get()));
                    }
                    if (resent) throw outcomeUnknown(call, "the refund", null, operationId, failure);
                    return this.<Refund>send(call, type(Refund.class))
                            .handle((refund, again) -> again == null
                                    ? CompletableFuture.completedFuture(refund)
                                    : settleRefund(call, operationId, amount, before, unwrap(again, call), true))
                            .thenCompose(Function.identity());
                })
                .thenCompose(Function.identity());
    }

    private CompletableFuture<Page<PaymentOperation>> page(PaymentQuery query, String customerCode, int number) {
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
                .<OperationList>envelope(call, type)
                .thenApply((Envelope<OperationList> answer) -> new Page<>(
                        answer.data().operations(),
                        number,
                        answer.meta() == null
                                ? number
                                : Math.max(number, answer.meta().totalPages()),
                        next -> page(query, customerCode, next),
                        PAYMENTS));
    }

    private CompletableFuture<Optional<PaymentOperation>> search(
            Page<PaymentOperation> page, String paymentLinkId, int read) {
        Optional<PaymentOperation> found = page.items().stream()
                .filter(payment -> paymentLinkId.equals(payment.paymentLinkId()))
                .findFirst();
        if (found.isPresent() || !page.hasNext() || read >= LOOKUP_PAGES) {
            return CompletableFuture.completedFuture(found);
        }
        return page.nextAsync().thenCompose(next -> search(next, paymentLinkId, read + 1));
    }

    /** Whether the bank may have acted although the caller got no answer. */
    private static boolean inDoubt(TochkaException failure) {
        if (failure instanceof NetworkException) return ((NetworkException) failure).mayHaveArrived();
        return failure instanceof ServerException && failure.httpStatus() >= 500;
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

    private static Set<String> refundOrders(PaymentOperation payment) {
        return payment.order().stream()
                .filter(order -> order.type() == OrderType.REFUND)
                .map(PaymentOrder::orderId)
                .collect(Collectors.toSet());
    }

    private static Refund refund(String operationId, PaymentOrder order) {
        LocalDate date =
                OffsetDateTime.parse(order.time()).atZoneSameInstant(BANK_ZONE).toLocalDate();
        return new Refund(true, operationId, order.amount(), date.toString(), order.orderId());
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
