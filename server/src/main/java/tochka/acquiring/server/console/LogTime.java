package tochka.acquiring.server.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.BankTime;

/** A moment as the console's logs show it: Moscow time to the second, the same in both languages. */
public final class LogTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(BankTime.ZONE);

    private LogTime() {}

    /** {@code 2025-03-01 14:05:09}; an empty string for no moment. */
    public static String of(@Nullable Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }
}
