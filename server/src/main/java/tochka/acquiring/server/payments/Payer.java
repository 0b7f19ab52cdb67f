package tochka.acquiring.server.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.PaymentMode;

/**
 * How and when a payment was paid: {@code paymentId} is the processing's id; SBP payments also carry the
 * {@code transactionId}, {@code qrcId} and the payer's name as the bank masks it; card payments the card's masked
 * number (first six and last four digits) and brand, never more of it.
 */
public record Payer(
        PaymentMode type,
        String paymentId,
        Instant paidAt,
        @Nullable String transactionId,
        @Nullable String qrcId,
        @Nullable String payerName,
        @Nullable MaskedCard card) {}
