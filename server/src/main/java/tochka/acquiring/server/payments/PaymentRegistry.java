package tochka.acquiring.server.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;

/**
 * A merchant's payment registry for one day: its settled payments grouped by how they were paid, each group with its
 * total, each payment with the commission the bank keeps and what the merchant receives.
 */
public record PaymentRegistry(List<Group> groups) {

    public PaymentRegistry {
        groups = List.copyOf(groups);
    }

    /** The payments of one payment type, in the order given, and their total. */
    public record Group(PaymentMode type, List<Line> lines, Money total) {

        public Group {
            lines = List.copyOf(lines);
        }
    }

    /** A payment in the registry, the commission the bank keeps, and the rest, which the merchant receives. */
    public record Line(Payment payment, Money commission, Money net) {}

    /**
     * Groups paid {@code payments} by payment type (in the order of {@link PaymentMode}), at {@code ratePercent}
     * commission. Every payment must have a payer.
     */
    public static PaymentRegistry of(List<Payment> payments, BigDecimal ratePercent) {
        Map<PaymentMode, List<Line>> lines = new EnumMap<>(PaymentMode.class);
        for (Payment payment : payments) {
            Payer payer = payment.payer();
            if (payer == null) throw new IllegalArgumentException("unpaid payment " + payment.operationId());
            Money commission = commission(payment.amount(), ratePercent);
            lines.computeIfAbsent(payer.type(), type -> new ArrayList<>())
                    .add(new Line(payment, commission, payment.amount().minus(commission)));
        }
        List<Group> groups = new ArrayList<>();
        lines.forEach((type, group) -> groups.add(new Group(
                type, group, group.stream().map(line -> line.payment().amount()).reduce(Money.ZERO, Money::plus))));
        return new PaymentRegistry(groups);
    }

    /** {@code amount * ratePercent / 100}, half-up to the kopeck: the one place a computed fee is rounded. */
    static Money commission(Money amount, BigDecimal ratePercent) {
        return new Money(BigDecimal.valueOf(amount.kopecks())
                .multiply(ratePercent)
                .movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }
}
