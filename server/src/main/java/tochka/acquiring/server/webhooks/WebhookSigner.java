package tochka.acquiring.server.webhooks;

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
import tochka.acquiring.server.keys.SigningKey;

/**
 * Webhook bodies as the bank makes them: a compact RS256 JWT with the header {@code {"typ":"JWT","alg":"RS256"}},
 * signed by the server's key (the one it publishes as a JWK), whose payload is JSON written the way the bank's
 * Python writes it: {@code ", "} and {@code ": "} separators and every non-ASCII character as a {@code \\u} escape.
 */
public final class WebhookSigner {

    private static final ObjectMapper PYTHON_STYLE = pythonStyle();

    private final SigningKey key;

    public WebhookSigner(SigningKey key) {
        this.key = key;
    }

    /** The compact JWT carrying {@code claims} (a record of the api module, e.g. an acquiringInternetPayment). */
    public String sign(Object claims) {
        try {
            return key.signPayload(PYTHON_STYLE.writeValueAsString(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook claims", e);
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

    /** Every non-ASCII character escaped the way Python does it, with lower-case hex digits (Jackson: upper). */
    private static final class LowerCaseUnicodeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return ch < 0x80 ? null : new SerializedString(String.format("\\u%04x", ch));
        }
    }

    /** {@code json.dumps} defaults: one line, a space after each comma and colon. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
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
