package tochka.acquiring.client.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Claims written the way the bank writes them, byte for byte: Python's {@code json.dumps} defaults ({@code ", "} and
 * {@code ": "} separators, everything outside printable ASCII as a lower-case {@code \\u} escape), every value a
 * string, absent values left out.
 */
final class BankJson {

    private BankJson() {}

    /**
     * The claims of {@code event} in the order of {@link tochka.acquiring.api.AcquiringInternetPaymentEvent}; its
     * {@code claimsJson} is not read.
     */
    static String payment(PaymentEvent event) {
        Map<String, @Nullable String> claims = new LinkedHashMap<>();
        claims.put("customerCode", event.customerCode());
        claims.put("amount", Amounts.format(event.amount()));
        claims.put("paymentType", event.paymentTypeValue());
        claims.put("operationId", event.operationId());
        claims.put("transactionId", event.transactionId());
        claims.put("purpose", event.purpose());
        claims.put("qrcId", event.qrcId());
        claims.put("payerName", event.payerName());
        claims.put("webhookType", event.webhookType());
        claims.put("merchantId", event.merchantId());
        claims.put("consumerId", event.consumerId());
        claims.put("status", event.statusValue());
        claims.put("paymentLinkId", event.paymentLinkId());
        return object(claims);
    }

    private static String object(Map<String, @Nullable String> claims) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, @Nullable String> claim : claims.entrySet()) {
            String value = claim.getValue();
            if (value == null) continue;
            if (out.length() > 1) out.append(", ");
            string(out, claim.getKey());
            out.append(": ");
            string(out, value);
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= 0x20 && c < 0x7f) out.append(c);
                    else out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        out.append('"');
    }
}
