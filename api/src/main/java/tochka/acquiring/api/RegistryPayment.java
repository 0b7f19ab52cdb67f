package tochka.acquiring.api;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** {@code PaymentItemModel}: {@code enrollmentAmount} is {@code amount} less {@code commission}. */
public record RegistryPayment(
        String purpose,
        @Nullable AcquiringPaymentStatus status,
        BigDecimal amount,
        String operationId,
        String paymentLink,
        String time,
        String number,
        BigDecimal commission,
        BigDecimal enrollmentAmount) {}
