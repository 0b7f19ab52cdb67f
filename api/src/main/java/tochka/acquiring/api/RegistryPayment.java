package tochka.acquiring.api;

import java.math.BigDecimal;

/** {@code PaymentItemModel}: {@code enrollmentAmount} is {@code amount} less {@code commission}. */
public record RegistryPayment(
        String purpose,
        AcquiringPaymentStatus status,
        BigDecimal amount,
        String operationId,
        String paymentLink,
        String time,
        String number,
        BigDecimal commission,
        BigDecimal enrollmentAmount) {}
