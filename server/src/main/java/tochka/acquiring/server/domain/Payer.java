package tochka.acquiring.server.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How and when a payment was paid: {@code paymentId} is the processing's id; SBP payments also carry the
 * {@code transactionId}, {@code qrcId} and the payer's name as the bank masks it.
 */
public record Payer(
        PaymentMode type,
        String paymentId,
        Instant paidAt,
        @Nullable String transactionId,
        @Nullable String qrcId,
        @Nullable String payerName) {}
