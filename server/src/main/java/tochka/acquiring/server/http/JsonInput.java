package tochka.acquiring.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Shown;

/**
 * What a request's JSON may hold, checked as it is read, before any value reaches arithmetic, a comparison, a
 * format or the database.
 *
 * <ul>
 *   <li>A number is at most {@value #MAX_NUMBER_CHARS} characters with an exponent from -{@value #MAX_EXPONENT} to
 *       {@value #MAX_EXPONENT}: {@code 1e999999999} is eleven characters, but its digits written out take a
 *       gigabyte, and {@code 1e2147483647} overflows {@link BigDecimal}'s scale.</li>
 *   <li>A number sent as a string ({@code "amount": "10.5"}, as the bank's guide does) follows the same rule and is
 *       written in ASCII digits only: {@link BigDecimal} and {@link Integer#parseInt} would read full-width or
 *       Arabic-Indic digits too.</li>
 *   <li>No string (value or key) holds a NUL character, which PostgreSQL cannot store, or a lone surrogate, which
 *       UTF-8 cannot encode (the database would keep a {@code ?}).</li>
 * </ul>
 *
 * Each refusal names the field and quotes at most a short prefix of what was sent.
 */
final class JsonInput {

    static final int MAX_NUMBER_CHARS = 40;
    static final int MAX_EXPONENT = 999;
    private static final Pattern ASCII_DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

    private JsonInput() {}

    /** {@code parser}, refusing the numbers and strings above as it reads them. */
    static JsonParser checked(JsonParser parser) {
        return new CheckedParser(parser);
    }

    /** Numbers sent as strings, read by the rule above; registered on the server's one mapper. */
    static SimpleModule numbersFromText() {
        SimpleModule module = new SimpleModule("tochka-numbers");
        module.addDeserializer(BigDecimal.class, new DecimalDeserializer());
        module.addDeserializer(
                Integer.class,
                new IntegerDeserializer<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, value -> (int) value));
        module.addDeserializer(
                Long.class, new IntegerDeserializer<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, value -> value));
        return module;
    }

    /** A value the rules above refuse: {@code field} names where, {@code problem} says why. */
    static final class RefusedValue extends StreamReadException {
        private static final long serialVersionUID = 1;

        private final String field;
        private final String problem;

        RefusedValue(JsonParser parser, String field, String problem) {
            super(parser, field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        /** {@code Data.amount: must be ...}: the line of the 400 that names the field. */
        String describe() {
            return field + ": " + problem;
        }

        @Override
        public RefusedValue withParser(JsonParser parser) {
            return this;
        }

        @Override
        public RefusedValue withRequestPayload(com.fasterxml.jackson.core.util.RequestPayload payload) {
            return this;
        }
    }

    /** Why a number's text is refused, or null when it is within the rule. */
    static @Nullable String numberProblem(String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            return "must be a number of at most " + MAX_NUMBER_CHARS + " characters, got " + Shown.quoted(text);
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0) {
            String exponent = text.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
            if (exponent.length() > 3 || Integer.parseInt(exponent) > MAX_EXPONENT) {
                return "must be a number with an exponent from -" + MAX_EXPONENT + " to " + MAX_EXPONENT + ", got "
                        + Shown.quoted(text);
            }
        }
        return null;
    }

    /** Why a string is refused, or null when it may be stored. */
    static @Nullable String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return "must not contain the NUL character (\\u0000)";
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a lone surrogate (\\u" + Integer.toHexString(c) + ")";
            }
            if (Character.isLowSurrogate(c))
                return "must not contain a lone surrogate (\\u" + Integer.toHexString(c) + ")";
        }
        return null;
    }

    /** {@code Data.Items[0].amount}: where the parser is, spelled as the 400s spell fields. */
    private static String field(JsonParser parser, boolean key) {
        List<String> parts = new ArrayList<>();
        JsonStreamContext context = parser.getParsingContext();
        boolean first = true;
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inObject()) {
                String name = context.getCurrentName();
                if (key && first) {
                    parts.add(0, "." + (name == null ? "?" : name) + " (key)");
                } else if (name != null) {
                    parts.add(0, "." + name);
                }
            } else if (context.inArray()) {
                parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
            first = false;
        }
        String path = String.join("", parts);
        if (path.isEmpty()) return "request body";
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static final class CheckedParser extends JsonParserDelegate {

        CheckedParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public @Nullable JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == null) return null;
            switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    String problem = numberProblem(getText());
                    if (problem != null) throw new RefusedValue(this, field(this, false), problem);
                }
                case VALUE_STRING -> {
                    String problem = textProblem(getText());
                    if (problem != null) throw new RefusedValue(this, field(this, false), problem);
                }
                case FIELD_NAME -> {
                    String problem = textProblem(currentName());
                    if (problem != null) throw new RefusedValue(this, field(this, true), problem);
                }
                default -> {}
            }
            return token;
        }

        // The delegate's shortcuts would ask the wrapped parser directly, past the checks in nextToken.

        @Override
        public @Nullable JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public @Nullable String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public @Nullable String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
        }

        @Override
        public @Nullable Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }
    }

    private static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1;

        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                // The checked parser has bounded the text already.
                return parser.getDecimalValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText().trim();
                if (!ASCII_DECIMAL.matcher(text).matches() || numberProblem(text) != null) {
                    throw ctxt.weirdStringException(Shown.cut(text), BigDecimal.class, "not a number within the rule");
                }
                return new BigDecimal(text);
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, parser);
        }
    }

    private static final class IntegerDeserializer<T extends Number> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1;

        private final Class<T> type;
        private final long min;
        private final long max;
        private final java.util.function.LongFunction<T> box;

        IntegerDeserializer(Class<T> type, long min, long max, java.util.function.LongFunction<T> box) {
            super(type);
            this.type = type;
            this.min = min;
            this.max = max;
            this.box = box;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonToken token = parser.currentToken();
            String text;
            if (token == JsonToken.VALUE_NUMBER_INT) text = parser.getText();
            else if (token == JsonToken.VALUE_STRING) text = parser.getText().trim();
            else return type.cast(ctxt.handleUnexpectedToken(type, parser));
            if (!ASCII_INTEGER.matcher(text).matches()) {
                throw ctxt.weirdStringException(Shown.cut(text), type, "not an integer within range");
            }
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw ctxt.weirdStringException(Shown.cut(text), type, "not an integer within range");
            }
            return box.apply(value);
        }
    }
}
