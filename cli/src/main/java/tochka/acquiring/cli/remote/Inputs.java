package tochka.acquiring.cli.remote;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.server.payments.LinkAmount;

/**
 * The payment commands' own checks of what a user typed, each refused with {@link ExitCodes#REJECTED} and words
 * that name the flag, before any call: amounts, operation ids, lengths.
 */
final class Inputs {

    /** The longest operationId the CLI sends: the bank's are UUIDs (36 characters). */
    static final int MAX_OPERATION_ID = 128;

    /** The longest URL the bank's API takes (its {@code redirectUrl}, a webhook's {@code url}). */
    static final int MAX_URL = 2083;

    private Inputs() {}

    /**
     * {@code text} as exact roubles ({@code 10}, {@code 10.50}): positive, whole kopecks, at most the largest amount
     * a payment link may carry; never rounded.
     */
    static BigDecimal roubles(String flag, String text) {
        String trimmed = text.strip();
        if (trimmed.length() > 20 || !trimmed.matches("\\d{1,15}(\\.\\d{1,2})?")) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    flag + " " + text + ": not an amount in roubles like 10 or 10.50 (a point, at most two"
                            + " decimals, no sign)");
        }
        BigDecimal amount = new BigDecimal(trimmed);
        if (amount.signum() <= 0) {
            throw new CliFailure(ExitCodes.REJECTED, flag + " " + text + ": must be more than zero");
        }
        BigDecimal max = LinkAmount.MAX.roubles();
        if (amount.compareTo(max) > 0) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    flag + " " + text + ": more than a payment may carry (" + max.toPlainString() + ")");
        }
        return amount.setScale(2);
    }

    /** {@code text} as an operationId: not blank, without spaces, at most {@link #MAX_OPERATION_ID} characters. */
    static String operationId(String text) {
        String id = text.strip();
        if (id.isEmpty() || id.length() > MAX_OPERATION_ID || id.chars().anyMatch(Character::isWhitespace)) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "OPERATION_ID '" + cut(text, 40) + "': not an operationId (1 to " + MAX_OPERATION_ID
                            + " characters without spaces, like the one `tochka pay` printed)");
        }
        return id;
    }

    /**
     * {@code text} as an absolute http(s) URL of at most {@link #MAX_URL} characters; refused naming {@code flag},
     * with {@code example} of one that would do.
     */
    static URI httpUrl(String flag, String text, String example) {
        String trimmed = text.strip();
        if (trimmed.length() <= MAX_URL) {
            try {
                URI url = new URI(trimmed);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) return url;
            } catch (URISyntaxException e) {
                // refused below, in the same words
            }
        }
        throw new CliFailure(
                ExitCodes.REJECTED,
                flag + " '" + cut(trimmed, 60) + "': not an http(s) URL of at most " + MAX_URL + " characters, like "
                        + example);
    }

    /** {@code text} when it has {@code min} to {@code max} characters; refused naming {@code flag} otherwise. */
    static String length(String flag, String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    flag + ": must have " + min + " to " + max + " characters, has " + text.length());
        }
        return text;
    }

    /** {@code text} cut to {@code max} characters, ending in an ellipsis when cut: for messages and tables. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A payment mode as the bank spells it ({@code sbp}, {@code card}, {@code tinkoff}, {@code dolyame}). */
    static final class PaymentModeConverter implements ITypeConverter<AcquiringPaymentMode> {
        @Override
        public AcquiringPaymentMode convert(String value) {
            for (AcquiringPaymentMode mode : AcquiringPaymentMode.values()) {
                if (mode.value().equalsIgnoreCase(value.strip())) return mode;
            }
            throw new TypeConversionException(
                    "'" + cut(value, 40) + "' is not a payment mode: sbp, card, tinkoff or dolyame");
        }
    }

    /** A payment status as the bank spells it ({@code APPROVED}, {@code ON-REFUND}), or with {@code _}. */
    static final class StatusConverter implements ITypeConverter<AcquiringPaymentStatus> {
        @Override
        public AcquiringPaymentStatus convert(String value) {
            String wanted = value.strip().toUpperCase(Locale.ROOT);
            for (AcquiringPaymentStatus status : AcquiringPaymentStatus.values()) {
                if (status.value().equals(wanted) || status.name().equals(wanted)) return status;
            }
            throw new TypeConversionException("'" + cut(value, 40) + "' is not a payment status: "
                    + String.join(
                            ", ",
                            Arrays.stream(AcquiringPaymentStatus.values())
                                    .map(AcquiringPaymentStatus::value)
                                    .toList()));
        }
    }
}
