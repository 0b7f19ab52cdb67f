package tochka.acquiring.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A webhook's claims written byte for byte as the bank's Python writes them ({@code json.dumps} defaults): one line,
 * {@code ", "} and {@code ": "} separators, every character outside printable ASCII as a lower-case {@code \\u}
 * escape (bar the short ones, {@code \\n} and the like), fields in the record's order, absent ones left out. The
 * server signs its webhooks with these bytes, and the SDK's test signer its test events.
 */
public final class WebhookClaims {

    private static final ObjectMapper PYTHON_STYLE = pythonStyle();

    private WebhookClaims() {}

    /** The claims JSON of {@code claims}, a webhook record of this package such as {@link AcquiringInternetPaymentEvent}. */
    public static String write(Object claims) {
        try {
            return PYTHON_STYLE.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write webhook claims: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper pythonStyle() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPrettyPrinter(new PythonSeparators())
                .build();
        mapper.getFactory().setCharacterEscapes(new LowerCaseUnicodeEscapes());
        return mapper;
    }

    /** Python's escapes: Jackson's, but with lower-case hex digits (Jackson writes upper case). */
    private static final class LowerCaseUnicodeEscapes extends CharacterEscapes {
        private final int[] ascii = asciiEscapes();

        private static int[] asciiEscapes() {
            int[] codes = standardAsciiEscapesForJSON();
            // The control characters without a short escape: Python's lower-case hex too, not Jackson's upper case.
            for (int ch = 0; ch < 0x20; ch++) {
                if (codes[ch] == CharacterEscapes.ESCAPE_STANDARD) codes[ch] = CharacterEscapes.ESCAPE_CUSTOM;
            }
            return codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 || ch >= 0x80 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** {@code json.dumps} defaults: one line, a space after each comma and colon. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }
}
