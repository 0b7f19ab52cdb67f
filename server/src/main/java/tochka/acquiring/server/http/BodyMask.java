package tochka.acquiring.server.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what must never be shown again from a request's or a response's text, before the request log keeps it:
 * JWTs (the keys, the webhook bodies), card-number-like runs of 13 to 19 digits (spaces or dashes between them
 * allowed), and the values of fields whose names say secret: CVC/CVV, tokens, passwords. Fields are found in JSON
 * ({@code "cvc": "123"}) and in forms and queries ({@code cvc=123}). What is masked keeps a hint for the eye (the
 * JWT's start, the card's last four digits) and nothing that could be used.
 */
final class BodyMask {

    static final String HIDDEN = "***";

    /** Three base64url parts, the first a JSON header ({@code eyJ} is {@code {"} encoded). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");

    /** 13 to 19 digits, maybe grouped by spaces or dashes, not part of a longer run of digits, a word or an
     * id of dashed groups (a UUID of digits only). */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w.-])");

    private static final String SECRET_NAME =
            "[A-Za-z0-9_-]*(?:cvc|cvv|csc|securitycode|token|password|secret|passwd)[A-Za-z0-9_-]*";

    /** A JSON member whose name says secret, with a string, number or literal value. */
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"" + SECRET_NAME + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)", Pattern.CASE_INSENSITIVE);

    /** A form or query field whose name says secret. */
    private static final Pattern FORM_SECRET =
            Pattern.compile("((?:^|[?&\\s])" + SECRET_NAME + "=)([^&\\s\"]*)", Pattern.CASE_INSENSITIVE);

    private BodyMask() {}

    /** {@code text} with every JWT, card number and secret field hidden. */
    static String mask(String text) {
        if (text.isEmpty()) return text;
        String masked = replace(JSON_SECRET, text, matcher -> matcher.group(1) + "\"" + HIDDEN + "\"");
        masked = replace(FORM_SECRET, masked, matcher -> matcher.group(1) + HIDDEN);
        masked = replace(JWT, masked, matcher -> matcher.group().substring(0, 3) + "…" + HIDDEN);
        return replace(CARD_NUMBER, masked, matcher -> {
            String digits = matcher.group().replaceAll("[ -]", "");
            return HIDDEN + digits.substring(digits.length() - 4);
        });
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) return text;
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
