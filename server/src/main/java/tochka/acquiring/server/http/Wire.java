package tochka.acquiring.server.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.Consent;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.OrderType;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.PaymentOrder;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.server.domain.Company;
import tochka.acquiring.server.domain.ConsentRecord;
import tochka.acquiring.server.domain.Payer;
import tochka.acquiring.server.domain.Payment;
import tochka.acquiring.server.domain.PaymentMode;
import tochka.acquiring.server.domain.Receipt;
import tochka.acquiring.server.domain.Retailer;
import tochka.acquiring.server.service.PaymentService;

/** Domain to wire: the bank's field names, enum spellings, roubles as numbers and Moscow-offset timestamps. */
final class Wire {

    private final Supplier<String> publicUrl;

    Wire(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The hosted payment page of a link, in the shape of the bank's {@code merch.tochka.com/order/?uuid=...}. */
    String paymentLink(String operationId) {
        return publicUrl.get() + "/order/?uuid=" + operationId;
    }

    /** {@code 2026-11-28T10:15:30+03:00}: seconds, with the bank's Moscow offset. */
    static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), PaymentService.BANK_ZONE)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static @Nullable String timeOrNull(@Nullable Instant instant) {
        return instant == null ? null : time(instant);
    }

    static AcquiringPaymentMode mode(PaymentMode mode) {
        return AcquiringPaymentMode.valueOf(mode.name());
    }

    static List<AcquiringPaymentMode> modes(List<PaymentMode> modes) {
        return modes.stream().map(Wire::mode).toList();
    }

    static PaymentType type(PaymentMode mode) {
        return PaymentType.valueOf(mode.name());
    }

    /** The create response; with a receipt the bank also returns the company, the redirects and the receipt. */
    CreatedPayment created(Payment payment) {
        Receipt receipt = payment.receipt();
        boolean withReceipt = receipt != null;
        return new CreatedPayment(
                payment.purpose(),
                AcquiringPaymentStatus.CREATED,
                payment.amount().roubles(),
                payment.operationId(),
                paymentLink(payment.operationId()),
                payment.consumerId(),
                payment.merchantId(),
                payment.preAuthorization(),
                payment.ttlMinutes(),
                payment.paymentLinkId(),
                modes(payment.modes()),
                withReceipt ? payment.customerCode() : null,
                withReceipt ? payment.redirectUrl() : null,
                withReceipt ? payment.failRedirectUrl() : null,
                receipt != null ? receipt.taxSystemCode() : null,
                receipt != null ? receipt.client() : null,
                receipt != null ? receipt.items() : null,
                receipt != null ? receipt.supplier() : null);
    }

    PaymentOperation operation(Payment payment, Instant now) {
        Receipt receipt = payment.receipt();
        Payer payer = payment.payer();
        return new PaymentOperation(
                payment.customerCode(),
                receipt == null ? null : receipt.taxSystemCode(),
                payer == null ? null : type(payer.type()),
                payer == null ? null : payer.paymentId(),
                payer == null ? null : payer.transactionId(),
                time(payment.createdAt()),
                modes(payment.modes()),
                payment.redirectUrl(),
                payment.failRedirectUrl(),
                receipt == null ? null : receipt.client(),
                receipt == null ? null : receipt.items(),
                payment.purpose(),
                payment.amount().roubles(),
                status(payment, now),
                payment.operationId(),
                paymentLink(payment.operationId()),
                payment.merchantId(),
                payment.consumerId(),
                payment.orders().stream()
                        .map(order -> new PaymentOrder(order.orderId(), OrderType.valueOf(order.kind().name()),
                                order.amount().roubles(), time(order.time())))
                        .toList(),
                receipt == null ? null : receipt.supplier(),
                payment.preAuthorization(),
                payer == null ? null : time(payer.paidAt()),
                payment.paymentLinkId());
    }

    static AcquiringPaymentStatus status(Payment payment, Instant now) {
        return AcquiringPaymentStatus.valueOf(payment.status(now).name());
    }

    static Customer customer(Company company) {
        return new Customer(company.customerCode(), company.type(), company.resident(), company.taxCode(),
                company.fullName(), company.shortName(), company.kpp(), company.ogrn());
    }

    static tochka.acquiring.api.Retailer retailer(Retailer retailer) {
        return new tochka.acquiring.api.Retailer(retailer.status(), retailer.active(), retailer.mcc(),
                retailer.ratePercent(), retailer.name(), retailer.url(), retailer.merchantId(), retailer.terminalId(),
                modes(retailer.modes()), retailer.cashbox());
    }

    /** A consent; {@code isValid} only where the spec's model has it (lists and create, not the single GET). */
    static Consent consent(ConsentRecord consent, Instant now, boolean withValidity) {
        return new Consent(consent.status(), time(consent.createdAt()), time(consent.statusUpdatedAt()),
                consent.permissions().stream().sorted().toList(), timeOrNull(consent.expiresAt()), consent.consentId(),
                consent.customerCode(), null, consent.clientId(), withValidity ? consent.isValid(now) : null);
    }
}
