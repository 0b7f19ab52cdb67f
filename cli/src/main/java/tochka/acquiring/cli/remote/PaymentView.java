package tochka.acquiring.cli.remote;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.OrderType;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.PaymentOrder;
import tochka.acquiring.cli.remote.Output.Colour;

/** A payment as {@code status}, {@code capture} and {@code refund} show it: its key fields, and its refunds. */
final class PaymentView {

    private PaymentView() {}

    /** The bank's spelling of {@code status} ({@code ON-REFUND}); {@code unknown} for one newer than the SDK. */
    static String status(@Nullable AcquiringPaymentStatus status) {
        return status == null ? "unknown" : status.value();
    }

    /** {@code status}, coloured by what it means for the merchant (on a terminal only). */
    static String status(@Nullable AcquiringPaymentStatus status, Output output) {
        String text = status(status);
        if (status == null) return text;
        return switch (status) {
            case APPROVED, AUTHORIZED -> output.colour(text, Colour.GOOD);
            case CREATED, ON_REFUND, WAIT_FULL_PAYMENT, REFUNDED, REFUNDED_PARTIALLY ->
                output.colour(text, Colour.WAITING);
            case EXPIRED -> output.colour(text, Colour.BAD);
        };
    }

    /** {@code amount} as roubles and kopecks ({@code 10.50}, {@code 12.00}) for people; JSON keeps the API's. */
    static String roubles(BigDecimal amount) {
        return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
    }

    /** The refund orders of {@code payment}, oldest first as the bank lists them. */
    static List<PaymentOrder> refunds(PaymentOperation payment) {
        return payment.order().stream()
                .filter(order -> order.type() == OrderType.REFUND)
                .toList();
    }

    /** What is refunded of {@code payment} so far. */
    static BigDecimal refunded(PaymentOperation payment) {
        return refunds(payment).stream().map(PaymentOrder::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Prints {@code payment}'s key fields on stdout. */
    static void print(PaymentOperation payment, Output output) {
        Fields fields = new Fields()
                .add("operationId", payment.operationId())
                .add("status", status(payment.status(), output))
                .add("amount", roubles(payment.amount()))
                .add("purpose", payment.purpose())
                .add(
                        "paymentType",
                        payment.paymentType() == null
                                ? null
                                : payment.paymentType().value())
                .add("createdAt", payment.createdAt())
                .add("paidAt", payment.paidAt())
                .add(
                        "twoStage",
                        Boolean.TRUE.equals(payment.preAuthorization()) ? "yes (tochka capture takes the money)" : null)
                .add("paymentLinkId", payment.paymentLinkId())
                .add("paymentLink", payment.paymentLink());
        List<PaymentOrder> refunds = refunds(payment);
        for (PaymentOrder refund : refunds) {
            fields.add(
                    "refund", roubles(refund.amount()) + " at " + refund.time() + " (order " + refund.orderId() + ")");
        }
        if (!refunds.isEmpty()) {
            fields.add("refunded", roubles(refunded(payment)) + " of " + roubles(payment.amount()));
        }
        fields.print(output.out());
    }
}
