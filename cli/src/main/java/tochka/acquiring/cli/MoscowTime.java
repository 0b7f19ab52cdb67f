package tochka.acquiring.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tochka.acquiring.server.core.BankTime;

/**
 * Dates and times as an operator types and reads them: in Moscow, the bank's zone. A date typed on the command line
 * is a Moscow date, and a time is printed with the Moscow offset, as the API prints it.
 */
final class MoscowTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private MoscowTime() {}

    /** The moment something valid through {@code lastDay} stops being valid: the Moscow midnight after it. */
    static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
    }

    /** {@code 2028-01-01T00:00:00+03:00}. */
    static String time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), BankTime.ZONE)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** {@code 31.12.2027}. */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /**
     * An expiry in words: {@code 2028-01-01T00:00:00+03:00 (valid through 31.12.2027, Moscow time)}; the words only
     * when it is a Moscow midnight, as every expiry typed as a date is.
     */
    static String expiry(Instant expiresAt) {
        ZonedDateTime moscow = expiresAt.atZone(BankTime.ZONE);
        return moscow.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? time(expiresAt) + " (valid through "
                        + day(moscow.toLocalDate().minusDays(1)) + ", Moscow time)"
                : time(expiresAt);
    }
}
