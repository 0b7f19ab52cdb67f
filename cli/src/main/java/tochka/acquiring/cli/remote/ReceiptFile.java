package tochka.acquiring.cli.remote;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ReceiptClient;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.api.Supplier;
import tochka.acquiring.api.TaxSystemCode;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.client.Receipt;

/**
 * The receipt of {@code tochka pay --receipt FILE}: a JSON file with the receipt fields of the bank's
 * {@code payments_with_receipt} request, spelt as the bank spells them ({@code taxSystemCode}, {@code Client},
 * {@code Items}, {@code Supplier}). A bad file is refused naming the field, before any call.
 */
final class ReceiptFile {

    /** A receipt is a few KB; a larger file is not one. */
    static final long MAX_BYTES = 1024 * 1024;

    /** Where a bad file's message ends: what a good one looks like. */
    private static final String EXAMPLE = "\nA receipt looks like {\"Client\": {\"email\": \"buyer@example.com\"},"
            + " \"Items\": [{\"name\": \"Tea\", \"amount\": 10.00, \"quantity\": 1}]}";

    /** Where Jackson's message on an unknown enum value lists the known ones. */
    private static final String ENUM_VALUES = "not one of the values accepted for Enum class: ";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The file's fields as the bank spells them. */
    record ReceiptFields(
            @Nullable TaxSystemCode taxSystemCode,
            @JsonProperty("Client") @Nullable ReceiptClient client,
            @JsonProperty("Items") @Nullable List<ReceiptItem> items,
            @JsonProperty("Supplier") @Nullable Supplier supplier) {}

    private ReceiptFile() {}

    /** The receipt in {@code file}. */
    static Receipt read(Path file) {
        String where = "--receipt " + file;
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) throw refused(where, "no such file");
            if (Files.size(file) > MAX_BYTES) throw refused(where, "larger than 1 MB, not a receipt");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REJECTED, where + ": cannot read it: " + e.getMessage(), e);
        }
        ReceiptFields fields;
        try {
            fields = JSON.readValue(bytes, ReceiptFields.class);
        } catch (JsonMappingException e) {
            String field = path(e);
            throw refused(where, (field.isEmpty() ? "" : field + ": ") + why(e) + EXAMPLE);
        } catch (JsonProcessingException e) {
            throw refused(
                    where,
                    "not JSON"
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")")
                            + ": " + e.getOriginalMessage() + EXAMPLE);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REJECTED, where + ": cannot read it: " + e.getMessage(), e);
        }
        if (fields == null) throw refused(where, "empty: a receipt is a JSON object" + EXAMPLE);
        return receipt(where, fields);
    }

    private static Receipt receipt(String where, ReceiptFields fields) {
        ReceiptClient client = fields.client();
        if (client == null) throw refused(where, "Client: missing (who gets the receipt)" + EXAMPLE);
        if (client.email() == null || client.email().isBlank()) {
            throw refused(where, "Client.email: missing (the receipt is sent there)" + EXAMPLE);
        }
        List<ReceiptItem> items = fields.items();
        if (items == null || items.isEmpty()) throw refused(where, "Items: missing or empty" + EXAMPLE);
        for (int index = 0; index < items.size(); index++) {
            ReceiptItem item = items.get(index);
            String at = "Items[" + index + "]";
            if (item == null) throw refused(where, at + ": null, not an item");
            if (item.name() == null || item.name().isBlank()) throw refused(where, at + ".name: missing");
            positive(where, at + ".amount", item.amount());
            positive(where, at + ".quantity", item.quantity());
        }
        return new Receipt(client, items, fields.taxSystemCode(), fields.supplier());
    }

    private static void positive(String where, String field, @Nullable BigDecimal value) {
        if (value == null) throw refused(where, field + ": missing");
        if (value.signum() <= 0) throw refused(where, field + ": must be more than zero, is " + value.toPlainString());
    }

    /** What is wrong at the field Jackson stopped at, in words without Java's type names where it can. */
    private static String why(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "not a field here (the fields are "
                    + unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        String message = String.valueOf(e.getOriginalMessage());
        int values = message.indexOf(ENUM_VALUES);
        if (e instanceof InvalidFormatException invalid && values >= 0) {
            return "'" + invalid.getValue() + "' is not one of " + message.substring(values + ENUM_VALUES.length());
        }
        return message.lines().findFirst().orElse(message);
    }

    /** Where in the file Jackson stopped: {@code Items[0].amount}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static CliFailure refused(String where, String why) {
        return new CliFailure(ExitCodes.REJECTED, where + ": " + why);
    }
}
