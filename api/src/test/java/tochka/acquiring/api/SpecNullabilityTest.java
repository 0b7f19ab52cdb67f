package tochka.acquiring.api;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The records' {@code @Nullable} marks follow the bank's OpenAPI document: a property the schema leaves out of its
 * {@code required} list may be absent from the bank's answers, so its component is {@code @Nullable}; a required
 * one is not. A record that serves several schemas (with and without a receipt, say) has a non-null component only
 * where every one of them requires the property.
 */
class SpecNullabilityTest {

    /** Each record with a schema in the spec, and its schemas. The webhook claims have none: the spec lacks them. */
    private static final Map<Class<? extends Record>, List<String>> SCHEMAS = Map.ofEntries(
            entry(BooleanResult.class, List.of("BooleanResponse")),
            entry(Consent.class, List.of("ConsentResponseModel")),
            entry(ConsentList.class, List.of("ConsentListModel")),
            entry(CreateConsentRequest.class, List.of("ConsentCreateRequest")),
            entry(CreateConsentRequest.Data.class, List.of("ConsentCreateRequestModel")),
            entry(
                    CreatePaymentRequest.class,
                    List.of(
                            "AcquiringCreatePaymentOperationRequestModel",
                            "AcquiringCreatePaymentOperationWithReceiptRequestModel")),
            entry(
                    CreatedPayment.class,
                    List.of(
                            "AcquiringCreatePaymentOperationResponseModel",
                            "AcquiringCreatePaymentOperationWithReceiptResponseModel")),
            entry(Customer.class, List.of("CustomerModel")),
            entry(CustomerList.class, List.of("CustomerListModel")),
            entry(
                    DataRequest.class,
                    List.of(
                            "AcquiringCreatePaymentOperationRequestDataModel",
                            "AcquiringCreatePaymentOperationWithReceiptRequestDataModel",
                            "AcquiringPaymentOrderRefundRequestDataModel")),
            entry(
                    Envelope.class,
                    List.of(
                            "AcquiringCreatePaymentOperationResponseDataModel",
                            "AcquiringGetPaymentOperationInfoResponseDataModel",
                            "AcquiringPaymentOperationRefundResponseModel",
                            "AcquiringPaymentRegistryResponseDataModel",
                            "AcquiringRetailerListResponseModel",
                            "BooleanResponseModel",
                            "ConsentListResponse",
                            "CustomerListResponseModel",
                            "WebhookResponseModel")),
            entry(ErrorBody.class, List.of("ErrorResponse")),
            entry(ErrorBody.ErrorDetail.class, List.of("ErrorModel")),
            entry(Links.class, List.of("LinkModel", "PaginatedLinkModel")),
            entry(Meta.class, List.of("MetaModel")),
            entry(OperationList.class, List.of("AcquiringGetPaymentOperationListResponseModel")),
            entry(PaymentOperation.class, List.of("AcquiringGetPaymentOperationListItemModel")),
            entry(PaymentOrder.class, List.of("OrderModel")),
            entry(ReceiptClient.class, List.of("ReceiptClientModel")),
            entry(
                    ReceiptItem.class,
                    List.of("ReceiptItemModel-Input", "ReceiptItemModel-Output", "ReceiptItemResponseModel")),
            entry(Refund.class, List.of("AcquiringPaymentOperationRefundModel")),
            entry(RefundRequest.class, List.of("AcquiringPaymentOrderRefundRequestModel")),
            entry(Registry.class, List.of("AcquiringPaymentRegistryModel")),
            entry(RegistryEntry.class, List.of("AcquiringPaymentRegistryItemModel")),
            entry(RegistryPayment.class, List.of("PaymentItemModel")),
            entry(Retailer.class, List.of("AcquiringRetailerModel")),
            entry(RetailerList.class, List.of("AcquiringRetailerListModel")),
            entry(Supplier.class, List.of("SupplierModel")),
            entry(Webhook.class, List.of("Webhook", "WebhookEditRequest")),
            entry(WebhookTestSend.class, List.of("WebhookTestSendRequest")));

    private static final JsonNode SPEC_SCHEMAS = readSchemas();

    @Test
    void every_optional_property_is_nullable_and_every_required_one_is_not() {
        List<String> mismatches = new ArrayList<>();
        SCHEMAS.forEach((type, schemas) -> mismatches.addAll(mismatches(type, schemas)));
        assertThat(mismatches).isEmpty();
    }

    @Test
    void a_mark_that_contradicts_the_spec_is_found_either_way() {
        assertThat(mismatches(Mislabelled.class, List.of("PaginatedLinkModel")))
                .containsExactlyInAnyOrder(
                        "Mislabelled.self: PaginatedLinkModel requires it, so it must not be @Nullable",
                        "Mislabelled.first: optional in PaginatedLinkModel, so it must be @Nullable");
    }

    @Test
    void a_component_the_schemas_lack_is_found() {
        assertThat(mismatches(Mislabelled.class, List.of("MetaModel")))
                .contains("Mislabelled.self: no such property in MetaModel");
    }

    /** {@code self} is required by the spec and {@code first} optional: both marked the wrong way round. */
    private record Mislabelled(@Nullable String self, String first) {}

    private static List<String> mismatches(Class<? extends Record> type, List<String> schemaNames) {
        List<JsonNode> schemas =
                schemaNames.stream().map(SpecNullabilityTest::schema).toList();
        List<String> mismatches = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String property = wireName(component);
            String where = type.getSimpleName() + "." + property + ": ";
            boolean known = schemas.stream()
                    .anyMatch(schema -> schema.path("properties").has(property));
            if (!known) {
                mismatches.add(where + "no such property in " + String.join(", ", schemaNames));
                continue;
            }
            boolean required =
                    schemas.stream().allMatch(schema -> required(schema).contains(property));
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (required && nullable) {
                mismatches.add(where + String.join(", ", schemaNames) + " requires it, so it must not be @Nullable");
            } else if (!required && !nullable) {
                mismatches.add(where + "optional in " + String.join(", ", schemaNames) + ", so it must be @Nullable");
            }
        }
        return mismatches;
    }

    /** The JSON key: {@code @JsonProperty} lands on the accessor (it cannot target a record component). */
    private static String wireName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    private static JsonNode schema(String name) {
        JsonNode schema = SPEC_SCHEMAS.get(name);
        assertThat(schema).as("schema %s in the spec", name).isNotNull();
        return Objects.requireNonNull(schema, name);
    }

    private static JsonNode readSchemas() {
        try (InputStream in = SpecNullabilityTest.class.getResourceAsStream("/reference/tochka-openapi.json")) {
            Objects.requireNonNull(in, "reference/tochka-openapi.json is on the test classpath (api/pom.xml)");
            return new ObjectMapper().readTree(in).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
