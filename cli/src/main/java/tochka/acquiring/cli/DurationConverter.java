package tochka.acquiring.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people write them on a command line: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 7d}
 * (days of 24 hours, as the server's clock counts them).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches())
            throw new TypeConversionException("'" + value + "' is not a duration like 500ms, 10s, 5m, 1h, 7d");
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) throw new TypeConversionException("'" + value + "' must be longer than zero");
        return duration;
    }
}
