package tochka.acquiring.server.payments;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.CreatePaymentRequest;
import tochka.acquiring.api.ReceiptClient;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.api.Supplier;
import tochka.acquiring.api.TaxSystemCode;
import tochka.acquiring.api.VatType;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.http.Wire;

/**
 * Checks a create-payment request against the spec's constraints (required fields, lengths, ranges, enums, URI
 * and e-mail formats) and collects every problem before answering, so one 400 names them all.
 */
final class PaymentRequests {

    private static final Pattern SUPPLIER_PHONE = Pattern.compile("^\\+?\\d+$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

    private PaymentRequests() {}

    static NewPayment toNewPayment(@Nullable CreatePaymentRequest data, boolean withReceipt) {
        if (data == null) throw Problems.fieldRequired("Data");
        Problems problems = new Problems();
        String customerCode = data.customerCode();
        if (customerCode == null) problems.add("Data.customerCode", "field required");
        else if (customerCode.length() != 9) problems.add("Data.customerCode", "must be exactly 9 characters");
        Money amount = money(problems, "Data.amount", data.amount());
        String purpose = data.purpose();
        if (purpose == null) problems.add("Data.purpose", "field required");
        else length(problems, "Data.purpose", purpose, 1, 140);
        List<PaymentMode> modes = modes(problems, data.paymentMode());
        uri(problems, "Data.redirectUrl", data.redirectUrl());
        uri(problems, "Data.failRedirectUrl", data.failRedirectUrl());
        if (data.consumerId() != null) length(problems, "Data.consumerId", data.consumerId(), 1, 64);
        if (data.merchantId() != null && data.merchantId().length() != 15) {
            problems.add("Data.merchantId", "must be exactly 15 characters");
        }
        Integer ttl = data.ttl();
        if (ttl != null && (ttl < 1 || ttl > 44640)) problems.add("Data.ttl", "must be from 1 to 44640 minutes");
        if (data.paymentLinkId() != null) length(problems, "Data.paymentLinkId", data.paymentLinkId(), 1, 45);
        Receipt receipt = withReceipt ? receipt(problems, data, amount) : null;
        problems.throwIfAny();
        String why = "a missing or invalid value was reported above, and throwIfAny threw";
        return new NewPayment(
                Objects.requireNonNull(customerCode, why),
                data.merchantId(),
                Objects.requireNonNull(amount, why),
                Objects.requireNonNull(purpose, why),
                modes,
                data.redirectUrl(),
                data.failRedirectUrl(),
                Boolean.TRUE.equals(data.saveCard()),
                data.consumerId(),
                Boolean.TRUE.equals(data.preAuthorization()),
                ttl == null ? NewPayment.DEFAULT_TTL_MINUTES : ttl,
                data.paymentLinkId(),
                receipt);
    }

    /** A {@link LinkAmount} in wire roubles, exact to the kopeck; {@code null} (with a problem) when it is not one. */
    static @Nullable Money money(Problems problems, String field, @Nullable BigDecimal roubles) {
        if (roubles == null) {
            problems.add(field, "field required");
            return null;
        }
        try {
            return LinkAmount.parse(roubles);
        } catch (IllegalArgumentException e) {
            problems.add(field, String.valueOf(e.getMessage()));
            return null;
        }
    }

    /**
     * The {@code status} query parameter of the list, read as the bank spells it ({@code ON-REFUND}); {@code null}
     * when absent, or (with a problem) when it is no status.
     */
    static @Nullable PaymentStatus status(Problems problems, String field, @Nullable String value) {
        if (value == null) return null;
        try {
            return PaymentWire.status(AcquiringPaymentStatus.ofValue(value));
        } catch (IllegalArgumentException e) {
            problems.add(
                    field,
                    "must be one of "
                            + Arrays.stream(AcquiringPaymentStatus.values())
                                    .map(AcquiringPaymentStatus::value)
                                    .toList());
            return null;
        }
    }

    private static List<PaymentMode> modes(Problems problems, @Nullable List<AcquiringPaymentMode> wire) {
        if (wire == null) {
            problems.add("Data.paymentMode", "field required");
            return List.of();
        }
        if (wire.isEmpty()) problems.add("Data.paymentMode", "must contain at least 1 item");
        Set<PaymentMode> modes = new LinkedHashSet<>();
        for (int i = 0; i < wire.size(); i++) {
            if (wire.get(i) == null) problems.add("Data.paymentMode[" + i + "]", "must not be null");
            else modes.add(Wire.mode(wire.get(i)));
        }
        return List.copyOf(modes);
    }

    private static @Nullable Receipt receipt(Problems problems, CreatePaymentRequest data, @Nullable Money amount) {
        if (data.taxSystemCode() == TaxSystemCode.ENVD) {
            problems.add("Data.taxSystemCode", "envd is no longer accepted (output only)");
        }
        ReceiptClient client = data.client();
        if (client == null) problems.add("Data.Client", "field required");
        else {
            if (client.email() == null) problems.add("Data.Client.email", "field required");
            else if (!EmailAddress.isValid(client.email())) {
                problems.add("Data.Client.email", "must be an e-mail address");
            }
            if (client.name() != null) length(problems, "Data.Client.name", client.name(), 1, 256);
            if (client.phone() != null) length(problems, "Data.Client.phone", client.phone(), 1, 32);
        }
        List<ReceiptItem> items = data.items();
        BigDecimal total = BigDecimal.ZERO;
        if (items == null) problems.add("Data.Items", "field required");
        else if (items.isEmpty()) problems.add("Data.Items", "must contain at least 1 item");
        else {
            for (int i = 0; i < items.size(); i++) {
                BigDecimal line = item(problems, "Data.Items[" + i + "]", items.get(i));
                total = line == null || total == null ? null : total.add(line);
            }
        }
        supplier(problems, "Data.Supplier", data.supplier());
        if (amount != null
                && total != null
                && items != null
                && !items.isEmpty()
                && total.compareTo(amount.roubles()) != 0) {
            problems.add(
                    "Data.Items",
                    "the items add up to " + total.stripTrailingZeros().toPlainString()
                            + " (amount x quantity), but Data.amount is "
                            + amount.roubles().toPlainString());
        }
        if (client == null || items == null || items.stream().anyMatch(Objects::isNull)) return null;
        return new Receipt(data.taxSystemCode(), client, items, data.supplier());
    }

    /** Checks one receipt item; returns its total (price x quantity), or {@code null} when it is invalid. */
    private static @Nullable BigDecimal item(Problems problems, String field, @Nullable ReceiptItem item) {
        if (item == null) {
            problems.add(field, "must not be null");
            return null;
        }
        if (item.name() == null) problems.add(field + ".name", "field required");
        else length(problems, field + ".name", item.name(), 1, 256);
        Money price = money(problems, field + ".amount", item.amount());
        BigDecimal quantity = item.quantity();
        if (quantity == null) problems.add(field + ".quantity", "field required");
        else if (quantity.signum() <= 0) problems.add(field + ".quantity", "must be greater than 0");
        else if (quantity.compareTo(MAX_QUANTITY) > 0) {
            problems.add(field + ".quantity", "must not exceed " + MAX_QUANTITY.toPlainString());
        } else if (quantity.stripTrailingZeros().scale() > 3) {
            problems.add(field + ".quantity", "must have at most 3 decimal places");
        }
        if (item.vatType() == VatType.VAT20 || item.vatType() == VatType.VAT120) {
            problems.add(
                    field + ".vatType",
                    item.vatType().name().toLowerCase(java.util.Locale.ROOT)
                            + " is no longer accepted (output only); use vat22 or vat122");
        }
        supplier(problems, field + ".Supplier", item.supplier());
        if (price == null || quantity == null || quantity.signum() <= 0) return null;
        return price.roubles().multiply(quantity);
    }

    private static void supplier(Problems problems, String field, @Nullable Supplier supplier) {
        if (supplier == null) return;
        if (supplier.phone() == null) problems.add(field + ".phone", "field required");
        else if (supplier.phone().length() < 11
                || supplier.phone().length() > 15
                || !SUPPLIER_PHONE.matcher(supplier.phone()).matches()) {
            problems.add(field + ".phone", "must be 11 to 15 characters of digits with an optional leading +");
        }
        if (supplier.name() == null) problems.add(field + ".name", "field required");
        else length(problems, field + ".name", supplier.name(), 1, 256);
        if (supplier.taxCode() == null) problems.add(field + ".taxCode", "field required");
        else if (supplier.taxCode().length() < 10
                || supplier.taxCode().length() > 12
                || !DIGITS.matcher(supplier.taxCode()).matches()) {
            problems.add(field + ".taxCode", "must be 10 to 12 digits");
        }
    }

    private static void length(Problems problems, String field, String value, int min, int max) {
        if (value.length() < min) problems.add(field, "must not be empty");
        else if (value.length() > max) problems.add(field, "must be at most " + max + " characters");
    }

    private static void uri(Problems problems, String field, @Nullable String value) {
        if (value == null) return;
        length(problems, field, value, 1, 2083);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null
                    || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                problems.add(field, "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            problems.add(field, "must be a URL: " + e.getReason());
        }
    }
}
