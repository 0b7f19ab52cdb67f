package tochka.acquiring.server.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.PaymentMode;

/**
 * Domain to wire and back for what several features carry: the bank's timestamps, and the payment mode, which the
 * wire has twice ({@link AcquiringPaymentMode} offered, {@link PaymentType} used) and the domain once
 * ({@link PaymentMode}). The mappings are exhaustive {@code switch}es, so a constant added on either side fails the
 * build until it is mapped; the spelling itself is the api enum's ({@code value()}, {@code ofValue}).
 */
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
        return switch (mode) {
            case SBP -> AcquiringPaymentMode.SBP;
            case CARD -> AcquiringPaymentMode.CARD;
            case TINKOFF -> AcquiringPaymentMode.TINKOFF;
            case DOLYAME -> AcquiringPaymentMode.DOLYAME;
        };
    }

    public static PaymentMode mode(AcquiringPaymentMode mode) {
        return switch (mode) {
            case SBP -> PaymentMode.SBP;
            case CARD -> PaymentMode.CARD;
            case TINKOFF -> PaymentMode.TINKOFF;
            case DOLYAME -> PaymentMode.DOLYAME;
        };
    }

    public static PaymentType type(PaymentMode mode) {
        return switch (mode) {
            case SBP -> PaymentType.SBP;
            case CARD -> PaymentType.CARD;
            case TINKOFF -> PaymentType.TINKOFF;
            case DOLYAME -> PaymentType.DOLYAME;
        };
    }

    public static PaymentMode mode(PaymentType type) {
        return switch (type) {
            case SBP -> PaymentMode.SBP;
            case CARD -> PaymentMode.CARD;
            case TINKOFF -> PaymentMode.TINKOFF;
            case DOLYAME -> PaymentMode.DOLYAME;
        };
    }

    /** The bank's spelling of a mode, {@code card}: in the hosted pages' addresses and the webhooks' fields. */
    public static String name(PaymentMode mode) {
        return mode(mode).value();
    }

    public static List<AcquiringPaymentMode> modes(List<PaymentMode> modes) {
        return modes.stream().map(Wire::mode).toList();
    }
}
