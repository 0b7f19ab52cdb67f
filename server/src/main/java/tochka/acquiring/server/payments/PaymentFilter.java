package tochka.acquiring.server.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /acquiring/v1.0/payments} asks for: a company's links created from {@code fromDate} to
 * {@code toDate} (Moscow dates, both included, either open), in {@code status} if given, one page of them.
 */
public record PaymentFilter(
        String customerCode,
        @Nullable LocalDate fromDate,
        @Nullable LocalDate toDate,
        @Nullable PaymentStatus status,
        int page,
        int perPage) {}
