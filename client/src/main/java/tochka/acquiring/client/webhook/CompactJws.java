package tochka.acquiring.client.webhook;

import static tochka.acquiring.client.webhook.WebhookVerificationException.Reason.MALFORMED_TOKEN;
import static tochka.acquiring.client.webhook.WebhookVerificationException.Reason.UNSUPPORTED_ALGORITHM;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A webhook body taken apart as a compact JWS, with every check that needs no key: the form (three base64url parts)
 * and the header (exactly RS256). Nothing here is trusted until {@link #signingInput()} has been verified against
 * {@link #signature()}.
 */
final class CompactJws {

    /** Bodies larger than this are refused before any decoding; the bank's are about 2 KB. */
    static final int MAX_BODY_CHARS = 64 * 1024;

    /**
     * Strictly the base64url alphabet without padding: the JDK decoder would also take {@code =}, so one signature
     * could otherwise be written several ways.
     */
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final byte[] signingInput;
    private final byte[] signature;
    private final byte[] payload;

    private CompactJws(byte[] signingInput, byte[] signature, byte[] payload) {
        this.signingInput = signingInput;
        this.signature = signature;
        this.payload = payload;
    }

    /** The bytes the signature covers: the header and payload parts as sent, with their dot. */
    byte[] signingInput() {
        return signingInput.clone();
    }

    /** The decoded signature. */
    byte[] signature() {
        return signature.clone();
    }

    /** The decoded payload: the claims' JSON, not yet trusted. */
    byte[] payload() {
        return payload.clone();
    }

    /**
     * Splits and checks {@code rawBody}, rejecting anything but a well-formed RS256 JWS; whitespace around it (a
     * newline some proxies add) is ignored.
     */
    static CompactJws parse(String rawBody) {
        // Bounded before anything else, even the trim, walks the text.
        if (rawBody.length() > MAX_BODY_CHARS) {
            throw malformed("the webhook body has " + rawBody.length() + " characters, more than the " + MAX_BODY_CHARS
                    + " a webhook may have");
        }
        String body = rawBody.strip();
        if (body.isEmpty()) throw malformed("the webhook body is blank");
        int parts = (int) body.chars().filter(c -> c == '.').count() + 1;
        if (parts != 3) {
            throw malformed("the webhook body is not a compact JWT: it has " + parts + " dot-separated part"
                    + (parts == 1 ? "" : "s") + ", a JWT has three");
        }
        int firstDot = body.indexOf('.');
        int secondDot = body.indexOf('.', firstDot + 1);
        String header = body.substring(0, firstDot);
        String payload = body.substring(firstDot + 1, secondDot);
        String signature = body.substring(secondDot + 1);
        // The header first, so that an alg none token (whose signature part is empty) is refused for its alg.
        checkHeader(decode(header, "header"));
        byte[] payloadBytes = decode(payload, "payload");
        byte[] signatureBytes = decode(signature, "signature");
        byte[] signingInput = body.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(signingInput, signatureBytes, payloadBytes);
    }

    private static byte[] decode(String part, String name) {
        if (!PART.matcher(part).matches()) {
            throw malformed("the JWT's " + name + " is not base64url (A-Z a-z 0-9 - _, no padding)");
        }
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("the JWT's " + name + " is not valid base64url (" + part.length() + " characters)");
        }
    }

    /**
     * Only {@code RS256} is accepted, whatever else the header says: {@code none} would skip the signature and
     * {@code HS256} would make the bank's public key an HMAC secret anyone can use. {@code crit} announces
     * extensions this verifier does not understand, so the token must be refused (RFC 7515, 4.1.11).
     */
    private static void checkHeader(byte[] headerBytes) {
        JsonNode header = WebhookJson.read(headerBytes);
        if (header == null || !header.isObject()) throw malformed("the JWT's header is not a JSON object");
        JsonNode alg = header.get("alg");
        if (alg == null || alg.isNull()) {
            throw new WebhookVerificationException(
                    UNSUPPORTED_ALGORITHM, "the JWT's header has no alg; webhooks must be signed with RS256");
        }
        if (!alg.isTextual() || !alg.textValue().equals("RS256")) {
            throw new WebhookVerificationException(
                    UNSUPPORTED_ALGORITHM,
                    "the JWT's alg is " + Texts.quoted(alg) + "; only RS256 is accepted for webhooks");
        }
        if (header.has("crit")) {
            throw new WebhookVerificationException(
                    UNSUPPORTED_ALGORITHM,
                    "the JWT's header has crit extensions, which this verifier does not support");
        }
        // The bank writes typ JWT; our server signs its JWT keys (typ at+jwt) with the same key, and one must never
        // pass for the other.
        JsonNode typ = header.get("typ");
        if (typ != null && !(typ.isTextual() && typ.textValue().equalsIgnoreCase("JWT"))) {
            throw new WebhookVerificationException(
                    UNSUPPORTED_ALGORITHM, "the JWT's typ is " + Texts.quoted(typ) + "; a webhook's is JWT");
        }
    }

    private static WebhookVerificationException malformed(String message) {
        return new WebhookVerificationException(MALFORMED_TOKEN, message);
    }
}
