package tochka.acquiring.server.payments;

import java.time.Instant;
import java.util.function.Supplier;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.OrderType;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.PaymentOrder;
import tochka.acquiring.server.http.Wire;

/**
 * Payments to wire: the bank's field names, enum spellings, roubles as numbers and Moscow-offset timestamps. The
 * domain's enums map to the api's by exhaustive {@code switch}es, so a constant added on either side fails the build
 * until it is mapped.
 */
public final class PaymentWire {

    private final Supplier<String> publicUrl;

    public PaymentWire(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The hosted payment page of a link, in the shape of the bank's {@code merch.tochka.com/order/?uuid=...}. */
    String paymentLink(String operationId) {
        return publicUrl.get() + "/order/?uuid=" + operationId;
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
                Wire.modes(payment.modes()),
                withReceipt ? payment.customerCode() : null,
                withReceipt ? payment.redirectUrl() : null,
                withReceipt ? payment.failRedirectUrl() : null,
                receipt != null ? receipt.taxSystemCode() : null,
                receipt != null ? receipt.client() : null,
                receipt != null ? receipt.items() : null,
                receipt != null ? receipt.supplier() : null);
    }

    public PaymentOperation operation(Payment payment, Instant now) {
        Receipt receipt = payment.receipt();
        Payer payer = payment.payer();
        return new PaymentOperation(
                payment.customerCode(),
                receipt == null ? null : receipt.taxSystemCode(),
                payer == null ? null : Wire.type(payer.type()),
                payer == null ? null : payer.paymentId(),
                payer == null ? null : payer.transactionId(),
                Wire.time(payment.createdAt()),
                Wire.modes(payment.modes()),
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
                        .map(order -> new PaymentOrder(
                                order.orderId(),
                                type(order.kind()),
                                order.amount().roubles(),
                                Wire.time(order.time())))
                        .toList(),
                receipt == null ? null : receipt.supplier(),
                payment.preAuthorization(),
                payer == null ? null : Wire.time(payer.paidAt()),
                payment.paymentLinkId());
    }

    static AcquiringPaymentStatus status(Payment payment, Instant now) {
        return status(payment.status(now));
    }

    public static AcquiringPaymentStatus status(PaymentStatus status) {
        return switch (status) {
            case CREATED -> AcquiringPaymentStatus.CREATED;
            case APPROVED -> AcquiringPaymentStatus.APPROVED;
            case ON_REFUND -> AcquiringPaymentStatus.ON_REFUND;
            case REFUNDED -> AcquiringPaymentStatus.REFUNDED;
            case EXPIRED -> AcquiringPaymentStatus.EXPIRED;
            case REFUNDED_PARTIALLY -> AcquiringPaymentStatus.REFUNDED_PARTIALLY;
            case AUTHORIZED -> AcquiringPaymentStatus.AUTHORIZED;
            case WAIT_FULL_PAYMENT -> AcquiringPaymentStatus.WAIT_FULL_PAYMENT;
        };
    }

    /** The domain status of a wire one, as a query parameter names it. */
    public static PaymentStatus status(AcquiringPaymentStatus status) {
        return switch (status) {
            case CREATED -> PaymentStatus.CREATED;
            case APPROVED -> PaymentStatus.APPROVED;
            case ON_REFUND -> PaymentStatus.ON_REFUND;
            case REFUNDED -> PaymentStatus.REFUNDED;
            case EXPIRED -> PaymentStatus.EXPIRED;
            case REFUNDED_PARTIALLY -> PaymentStatus.REFUNDED_PARTIALLY;
            case AUTHORIZED -> PaymentStatus.AUTHORIZED;
            case WAIT_FULL_PAYMENT -> PaymentStatus.WAIT_FULL_PAYMENT;
        };
    }

    static OrderType type(OrderKind kind) {
        return switch (kind) {
            case APPROVAL -> OrderType.APPROVAL;
            case AUTHORIZED -> OrderType.AUTHORIZED;
            case REFUND -> OrderType.REFUND;
        };
    }
}
