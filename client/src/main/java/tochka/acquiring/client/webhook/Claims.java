package tochka.acquiring.client.webhook;

import static tochka.acquiring.client.webhook.WebhookVerificationException.Reason.BAD_CLAIMS;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A verified payload turned into a typed event. Claims this SDK does not know are left alone (they stay in
 * {@link WebhookEvent#claimsJson()}); a claim an event needs, missing or of the wrong kind, is an error naming it.
 */
final class Claims {

    static final String PAYMENT = "acquiringInternetPayment";
    static final String SBP_PAYMENT = "incomingSbpPayment";

    private final JsonNode claims;
    private final String type;

    private Claims(JsonNode claims, String type) {
        this.claims = claims;
        this.type = type;
    }

    /** The event {@code payload} (JSON, verified) describes. */
    static WebhookEvent toEvent(byte[] payload) {
        JsonNode node = WebhookJson.read(payload);
        if (node == null || !node.isObject()) {
            throw new WebhookVerificationException(BAD_CLAIMS, "the webhook's claims are not a JSON object");
        }
        String json = new String(payload, StandardCharsets.UTF_8);
        Claims claims = new Claims(node, "");
        String type = claims.required("webhookType");
        claims = new Claims(node, type);
        if (type.equals(PAYMENT)) return claims.payment(json);
        if (type.equals(SBP_PAYMENT)) return claims.sbpPayment(json);
        return new OtherEvent(type, json);
    }

    private PaymentEvent payment(String json) {
        return new PaymentEvent(
                required("customerCode"),
                amount(),
                required("paymentType"),
                required("operationId"),
                required("purpose"),
                required("status"),
                required("merchantId"),
                optional("consumerId"),
                optional("paymentLinkId"),
                optional("transactionId"),
                optional("qrcId"),
                optional("payerName"),
                json);
    }

    private SbpPaymentEvent sbpPayment(String json) {
        return new SbpPaymentEvent(
                required("operationId"),
                required("qrcId"),
                amount(),
                optional("payerMobileNumber"),
                optional("payerName"),
                optional("brandName"),
                required("merchantId"),
                optional("purpose"),
                required("customerCode"),
                optional("refTransactionId"),
                json);
    }

    private String required(String name) {
        String value = optional(name);
        if (value == null) throw bad("has no " + name + " claim");
        return value;
    }

    /** A claim's text: the bank writes every claim as a string, a number is taken as written. */
    private @Nullable String optional(String name) {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) return null;
        if (value.isTextual()) return value.textValue();
        if (value.isIntegralNumber()) return value.asText();
        throw bad("has a " + name + " claim that is not a string: "
                + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private BigDecimal amount() {
        JsonNode value = claims.get("amount");
        try {
            if (value != null && value.isNumber()) return Amounts.check(value.decimalValue());
            return Amounts.parse(required("amount"));
        } catch (IllegalArgumentException e) {
            throw bad("has an amount claim that " + e.getMessage());
        }
    }

    private WebhookVerificationException bad(String what) {
        String subject = type.isEmpty() ? "the webhook " : "the " + Texts.printable(type) + " webhook ";
        return new WebhookVerificationException(BAD_CLAIMS, subject + what);
    }
}
