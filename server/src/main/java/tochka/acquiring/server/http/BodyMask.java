package tochka.acquiring.server.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /**
     * 13 to 19 digits, maybe grouped by spaces or dashes, not part of a longer run of digits, a word or an id of
     * dashed groups (a UUID of digits only).
     */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w.-])");

    /** What a field's name holds (in lower case) when its value is a secret. */
    private static final List<String> SECRET_WORDS =
            List.of("cvc", "cvv", "csc", "securitycode", "token", "password", "passwd", "secret");

    /** The letters a secret word starts with: most characters of a body are none of them. */
    private static final String FIRST_LETTERS =
            SECRET_WORDS.stream().map(word -> word.substring(0, 1)).distinct().collect(Collectors.joining());

    /** A JSON member: its name and its string, number or literal value. */
    private static final Pattern JSON_MEMBER =
            Pattern.compile("\"([A-Za-z0-9_-]{1,64})\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s\"]+)");

    /** A form or query field: its name and its value. */
    private static final Pattern FORM_FIELD = Pattern.compile("(^|[?&\\s])([A-Za-z0-9_-]{1,64})=([^&\\s\"]*)");

    private BodyMask() {}

    /**
     * {@code text} with every JWT, card number and secret field hidden. Each kind is looked for only when a cheap
     * scan finds a trace of it (a secret word, {@code eyJ}, a long run of digits), so the usual body, which has none,
     * costs a few passes over its characters.
     */
    static String mask(String text) {
        if (text.isEmpty()) return text;
        String masked = text;
        if (mentionsSecretWord(text)) {
            masked = replace(
                    JSON_MEMBER,
                    masked,
                    member -> secret(member.group(1))
                            ? "\"" + member.group(1) + "\"" + member.group(2) + "\"" + HIDDEN + "\""
                            : member.group());
            masked = replace(
                    FORM_FIELD,
                    masked,
                    field -> secret(field.group(2)) ? field.group(1) + field.group(2) + "=" + HIDDEN : field.group());
        }
        if (masked.contains("eyJ")) {
            masked = replace(JWT, masked, matcher -> matcher.group().substring(0, 3) + "…" + HIDDEN);
        }
        return maskCardNumbers(masked);
    }

    /**
     * {@code text} with its card numbers hidden. A card number is made of digits, spaces and dashes only, so the
     * pattern is tried only inside such stretches that hold 13 digits or more; its look-behind and look-ahead still see
     * the characters around them (transparent bounds), so the result is the pattern's over the whole text. Bodies of
     * the API hold such stretches (a 15-digit merchantId), and the pattern over a whole body cost more than the rest
     * of an info call's handling (JFR, docs/benchmarks.md).
     */
    private static String maskCardNumbers(String text) {
        StringBuilder out = null;
        int copied = 0;
        Matcher matcher = CARD_NUMBER.matcher(text).useTransparentBounds(true);
        int length = text.length();
        int start = 0;
        while (start < length) {
            if (!isDigit(text.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            int digits = 0;
            for (char c; end < length && (isDigit(c = text.charAt(end)) || c == ' ' || c == '-'); end++) {
                if (isDigit(c)) digits++;
            }
            if (digits >= 13) {
                matcher.region(start, end);
                while (matcher.find()) {
                    if (out == null) out = new StringBuilder(length);
                    String number = matcher.group().replace(" ", "").replace("-", "");
                    out.append(text, copied, matcher.start())
                            .append(HIDDEN)
                            .append(number, number.length() - 4, number.length());
                    copied = matcher.end();
                }
            }
            start = end;
        }
        if (out == null) return text;
        return out.append(text, copied, length).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a secret word occurs anywhere, in any case: without a lower-case copy of the whole text. */
    private static boolean mentionsSecretWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            char first = Character.toLowerCase(text.charAt(i));
            if (FIRST_LETTERS.indexOf(first) < 0) continue;
            for (String word : SECRET_WORDS) {
                if (word.charAt(0) == first && text.regionMatches(true, i, word, 0, word.length())) return true;
            }
        }
        return false;
    }

    private static boolean secret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
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
