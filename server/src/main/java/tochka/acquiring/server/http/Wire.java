package tochka.acquiring.server.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.PaymentMode;

/** Domain to wire for what several features write: the bank's timestamps and its payment-mode spellings. */
public final class Wire {

    private Wire() {}

    /** {@code 2026-11-28T10:15:30+03:00}: seconds, with the bank's Moscow offset. */
    public static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), BankTime.ZONE)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static @Nullable String timeOrNull(@Nullable Instant instant) {
        return instant == null ? null : time(instant);
    }

    public static AcquiringPaymentMode mode(PaymentMode mode) {
        return AcquiringPaymentMode.valueOf(mode.name());
    }

    public static List<AcquiringPaymentMode> modes(List<PaymentMode> modes) {
        return modes.stream().map(Wire::mode).toList();
    }
}
