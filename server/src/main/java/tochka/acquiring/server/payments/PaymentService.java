package tochka.acquiring.server.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.payments.PaymentStore.PaymentQuery;

/**
 * Payment links: create, read, list, refund, capture, expire, and the simulated buyer of the test-control API.
 * Each use case is one transaction; each state change is one guarded statement, so concurrent requests can never
 * pay twice or refund more than was paid. Reads restricted to {@code companies} treat another company's payment
 * exactly like a missing one.
 *
 * <p>Every change is logged here, once it is committed, at INFO: one line per event (link created, paid, attempt
 * declined, refund, capture, expiry), whichever way it came (API, hosted page, test control). Of a card only the
 * masked number is ever known here.
 */
public final class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    /** The bank's time zone: list dates and the registry's days are Moscow dates. */
    private final Transactions db;

    private final ServerClock clock;
    private final PaymentEvents events;
    private final DirectoryService directory;

    public PaymentService(Transactions db, ServerClock clock, PaymentEvents events, DirectoryService directory) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    public Payment create(NewPayment request) {
        // The company and its retailers are read before the write (remembered for a second): the one writer does
        // only what must be atomic (the link's number, the insert that the unique paymentLinkId guards). A retailer
        // changed meanwhile is as if the link had been made a moment before the change.
        DirectoryService.Seller seller = directory
                .seller(request.customerCode())
                .orElseThrow(() -> Rejected.forbidden(
                        "customerCode " + request.customerCode() + " is not available" + " to the caller"));
        Company company = seller.company();
        if (company.type() != CustomerType.Business) {
            throw Rejected.invalid(
                    "customerCode",
                    company.customerCode() + " is a Personal customer;"
                            + " payment links need the Business customerCode");
        }
        Retailer retailer = request.retailerAmong(seller.retailers());
        request.checkTwoStage();
        String operationId = Ids.uuid();
        String defaultConsumerId = Ids.uuid();
        Payment created = db.inTransaction(handle -> {
            PaymentStore payments = new PaymentStore(handle);
            String given = request.paymentLinkId();
            while (true) {
                // Without a paymentLinkId of the caller's, the company's next number; a number some caller already
                // chose as theirs is skipped.
                String linkId = given != null ? given : Long.toString(payments.takeLinkNumber(company.customerCode()));
                Payment payment = request.toPayment(
                        operationId, retailer.merchantId(), linkId, defaultConsumerId, clock.instant());
                if (payments.insert(payment)) return payment;
                if (given != null) throw duplicateLinkId(given, company.customerCode());
            }
        });
        log.info(
                "payment link {} created: {} for customerCode {}, merchantId {}, paymentLinkId {}, paymentMode {}{}",
                created.operationId(),
                rub(created.amount()),
                created.customerCode(),
                created.merchantId(),
                created.paymentLinkId(),
                created.modes().stream().map(PaymentMode::code).toList(),
                created.preAuthorization() ? ", two-stage" : "");
        return created;
    }

    private static Rejected duplicateLinkId(String linkId, String customerCode) {
        return Rejected.invalid(
                "paymentLinkId",
                linkId + " is already used by another payment link of" + " customerCode " + customerCode);
    }

    /** The payment {@code operationId} of one of {@code companies}. */
    public Payment get(String operationId, Collection<String> companies) {
        return db.withHandle(handle -> new PaymentStore(handle).find(operationId, companies))
                .orElseThrow(() -> notFound(operationId));
    }

    /** The payment {@code operationId}, whoever owns it (hosted page and test control), if it exists. */
    public Optional<Payment> find(String operationId) {
        return db.withHandle(handle -> new PaymentStore(handle).find(operationId));
    }

    /** One page of payments and the number of pages. */
    public PaymentPage list(PaymentFilter filter) {
        LocalDate fromDate = filter.fromDate();
        LocalDate toDate = filter.toDate();
        Instant from = fromDate == null
                ? PaymentQuery.BEGINNING
                : fromDate.atStartOfDay(BankTime.ZONE).toInstant();
        Instant to = toDate == null
                ? PaymentQuery.END
                : toDate.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
        PaymentQuery query =
                new PaymentQuery(filter.customerCode(), from, to, filter.status(), filter.page(), filter.perPage());
        Instant now = clock.instant();
        return db.withHandle(handle -> {
            PaymentStore payments = new PaymentStore(handle);
            long total = payments.count(query, now);
            int pages = (int) Math.max(1, (total + query.perPage() - 1) / query.perPage());
            return new PaymentPage(payments.page(query, now), pages);
        });
    }

    /** A page of the list and how many pages the whole list has (at least 1). */
    public record PaymentPage(List<Payment> payments, int totalPages) {}

    /** Returns {@code amount} to the buyer: only from a paid status, and never above what is left. */
    public RefundDone refund(String operationId, Collection<String> companies, Money amount) {
        RefundDone done = db.inTransaction(handle -> {
            PaymentStore payments = new PaymentStore(handle);
            Instant now = clock.instant();
            if (companies.isEmpty() || !payments.refund(operationId, companies, amount)) {
                Payment payment = payments.find(operationId, companies).orElseThrow(() -> notFound(operationId));
                PaymentStatus status = payment.status(now);
                if (!PaymentStatus.refundable().contains(status)) {
                    throw Rejected.notAllowed("operation " + operationId + " is " + status.name()
                            + "; refunds are allowed from APPROVED and REFUNDED_PARTIALLY");
                }
                throw Rejected.notAllowed(
                        "amount",
                        amount.roubles().toPlainString() + " exceeds what is left"
                                + " to refund on operation " + operationId + ": "
                                + payment.refundable().roubles().toPlainString()
                                + " of " + payment.amount().roubles().toPlainString());
            }
            PaymentOrder order = new PaymentOrder(Ids.uuid(), OrderKind.REFUND, amount, now);
            payments.insertOrder(operationId, order);
            return new RefundDone(payments.find(operationId).orElseThrow(), order);
        });
        Money left = done.payment().refundable();
        log.info(
                "payment {} refunded {} ({}); {} left to refund of {}",
                operationId,
                rub(amount),
                left.isZero() ? "full" : "partial",
                rub(left),
                rub(done.payment().amount()));
        return done;
    }

    /** A refund that happened: the payment after it and the refund's order. */
    public record RefundDone(Payment payment, PaymentOrder order) {}

    /** Completes a two-stage payment: the held amount is taken in full. */
    public Payment capture(String operationId, Collection<String> companies) {
        Payment captured = db.inTransaction(handle -> {
            PaymentStore payments = new PaymentStore(handle);
            Instant now = clock.instant();
            Payment payment = payments.find(operationId, companies).orElseThrow(() -> notFound(operationId));
            if (!payments.capture(operationId, companies)) {
                throw Rejected.notAllowed("operation " + operationId + " is "
                        + payment.status(now).name() + "; only an AUTHORIZED two-stage payment can be captured");
            }
            payments.insertOrder(operationId, new PaymentOrder(Ids.uuid(), OrderKind.APPROVAL, payment.amount(), now));
            Payment approved = payments.find(operationId).orElseThrow();
            events.paid(handle, approved);
            return approved;
        });
        events.committed();
        log.info(
                "payment {} captured: {} taken, now {}",
                operationId,
                rub(captured.amount()),
                captured.storedStatus().name());
        return captured;
    }

    /**
     * The buyer pays with {@code attempt}: from the hosted page, or from the test-control API. A successful card
     * payment on a two-stage link ends AUTHORIZED, every other success APPROVED; a decline changes nothing (the link
     * stays payable, as the bank's does).
     */
    public Payment pay(String operationId, Attempt attempt) {
        Payment result = db.inTransaction(handle -> {
            PaymentStore payments = new PaymentStore(handle);
            Instant now = clock.instant();
            Payment payment = payments.find(operationId).orElseThrow(() -> notFound(operationId));
            payment.checkPayable(attempt.type(), now);
            boolean twoStage = payment.holdsFirst(attempt.type());
            if (attempt.outcome() == Outcome.AUTHORIZE && !twoStage) {
                throw Rejected.invalid("outcome", "authorize needs a preAuthorization link paid by card");
            }
            if (attempt.outcome() == Outcome.DECLINE) return payment;
            PaymentStatus status = twoStage ? PaymentStatus.AUTHORIZED : PaymentStatus.APPROVED;
            boolean sbp = attempt.type() == PaymentMode.SBP;
            Payer payer = new Payer(
                    attempt.type(),
                    Ids.hex(16),
                    now,
                    sbp ? Ids.uuid() : null,
                    sbp ? (attempt.qrcId() != null ? attempt.qrcId() : Ids.alphanumeric("AD1", 32)) : null,
                    sbp ? (attempt.payerName() != null ? attempt.payerName() : DEFAULT_PAYER_NAME) : null,
                    attempt.type() == PaymentMode.CARD ? attempt.card() : null);
            if (!payments.markPaid(operationId, status, payer)) {
                throw Rejected.notAllowed("operation " + operationId + " was paid or expired meanwhile");
            }
            OrderKind kind = status == PaymentStatus.AUTHORIZED ? OrderKind.AUTHORIZED : OrderKind.APPROVAL;
            payments.insertOrder(operationId, new PaymentOrder(Ids.uuid(), kind, payment.amount(), now));
            Payment paid = payments.find(operationId).orElseThrow();
            events.paid(handle, paid);
            return paid;
        });
        if (result.storedStatus() != PaymentStatus.CREATED) events.committed();
        String how = attempt.type().code() + card(attempt.card());
        if (attempt.outcome() == Outcome.DECLINE) {
            log.info("payment {}: a {} attempt was declined; the link stays payable", operationId, how);
        } else {
            log.info(
                    "payment {} {}: {} paid by {}",
                    operationId,
                    result.storedStatus().name(),
                    rub(result.amount()),
                    how);
        }
        return result;
    }

    /** {@code " 411111******1111 (VISA)"}: only ever the masked number, the full one never reaches this service. */
    private static String card(@Nullable MaskedCard card) {
        return card == null ? "" : " " + card.mask() + " (" + card.brand() + ")";
    }

    private static String rub(Money amount) {
        return amount.roubles().toPlainString() + " RUB";
    }

    /** The SBP payer name a simulated bank reports: first name, patronymic, initial of the surname. */
    public static final String DEFAULT_PAYER_NAME = "Иван Иванович И.";

    /**
     * One payment attempt: how, with what outcome, and what the payment method tells about the payer (the SBP QR
     * code and payer name, or the masked card).
     */
    public record Attempt(
            PaymentMode type,
            Outcome outcome,
            @Nullable String payerName,
            @Nullable String qrcId,
            @Nullable MaskedCard card) {

        public static Attempt of(PaymentMode type, Outcome outcome) {
            return new Attempt(type, outcome, null, null, null);
        }
    }

    /** How a simulated payment attempt ends. */
    public enum Outcome {
        APPROVE,
        AUTHORIZE,
        DECLINE
    }

    /** Persists EXPIRED for links whose ttl ran out; readers already see it, this keeps the table honest. */
    public int expireDue() {
        int expired = db.inTransaction(handle -> new PaymentStore(handle).expireDue(clock.instant()));
        if (expired > 0) log.info("expired {} unpaid payment link{}", expired, expired == 1 ? "" : "s");
        return expired;
    }

    /**
     * Expires the unpaid link {@code operationId} of one of {@code companies} now, before its ttl runs out: the
     * console's and the control API's test control (moving the server's clock instead would move every link and every
     * console session).
     */
    public Payment expire(String operationId, Collection<String> companies) {
        Payment expired = db.inTransaction(handle -> {
            PaymentStore payments = new PaymentStore(handle);
            Payment payment = payments.find(operationId, companies).orElseThrow(() -> notFound(operationId));
            if (!payments.expireNow(operationId, companies)) {
                throw Rejected.notAllowed("operation " + operationId + " is "
                        + payment.status(clock.instant()).name() + "; only a CREATED link can expire");
            }
            return payments.find(operationId).orElseThrow();
        });
        log.info("payment link {} expired by test control", operationId);
        return expired;
    }

    /**
     * The payment registry of a merchant for one Moscow date: settled payments grouped by payment type, each with
     * the retailer's commission. As at the bank, card payments of the current day are missing until the day's
     * processing completes (here: until the day is over). With {@code paymentId}, only the payment the processing
     * knows by that id.
     */
    public PaymentRegistry registry(Retailer retailer, LocalDate date, @Nullable String paymentId) {
        Instant from = date.atStartOfDay(BankTime.ZONE).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
        boolean today = date.equals(LocalDate.ofInstant(clock.instant(), BankTime.ZONE));
        List<Payment> settled =
                db.withHandle(handle -> new PaymentStore(handle).settled(retailer.merchantId(), from, to));
        List<Payment> listed = new ArrayList<>();
        for (Payment payment : settled) {
            Payer payer = payment.payer();
            if (payer == null || (today && payer.type() == PaymentMode.CARD)) continue;
            if (paymentId != null && !paymentId.equals(payer.paymentId())) continue;
            listed.add(payment);
        }
        return PaymentRegistry.of(listed, retailer.ratePercent());
    }

    private static Rejected notFound(String operationId) {
        return Rejected.notFound("operation " + operationId + " not found");
    }
}
