package tochka.acquiring.server.payments;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.OrderType;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.PaymentOrder;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.http.Wire;

/** Payments to wire: the bank's field names, enum spellings, roubles as numbers and Moscow-offset timestamps. */
public final class PaymentWire {

    private final Supplier<String> publicUrl;

    public PaymentWire(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The hosted payment page of a link, in the shape of the bank's {@code merch.tochka.com/order/?uuid=...}. */
    String paymentLink(String operationId) {
        return publicUrl.get() + "/order/?uuid=" + operationId;
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
                payer == null ? null : type(payer.type()),
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
                        .map(order -> new PaymentOrder(order.orderId(), OrderType.valueOf(order.kind().name()),
                                order.amount().roubles(), Wire.time(order.time())))
                        .toList(),
                receipt == null ? null : receipt.supplier(),
                payment.preAuthorization(),
                payer == null ? null : Wire.time(payer.paidAt()),
                payment.paymentLinkId());
    }

    static AcquiringPaymentStatus status(Payment payment, Instant now) {
        return AcquiringPaymentStatus.valueOf(payment.status(now).name());
    }
}
