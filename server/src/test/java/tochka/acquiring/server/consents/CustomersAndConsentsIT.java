package tochka.acquiring.server.consents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.api.Permission;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/** Customers, retailers and consents: the prerequisites the bank's guide walks through before payment links. */
class CustomersAndConsentsIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private final TestServer server = running.get();
    private final ApiClient api = server.api();

    @Test
    void customers_list_the_business_company_and_the_personal_customer() {
        JsonNode customers =
                api.get("/open-banking/v1.0/customers").expectStatus(200).data().get("Customer");

        assertThat(customers)
                .extracting(customer -> customer.get("customerType").asText())
                .containsExactly("Business", "Personal");
        JsonNode business = api.get(
                        "/open-banking/v1.0/customers/" + server.info().customerCode())
                .expectStatus(200)
                .data();
        assertThat(business.get("customerCode").asText()).matches("3\\d{8}");
        assertThat(business.get("isResident").asBoolean()).isTrue();
        api.get("/open-banking/v1.0/customers/399999999").expectError(403, "399999999");
    }

    @Test
    void the_retailer_is_registered_active_and_takes_every_way_to_pay() {
        JsonNode retailers = api.get("/acquiring/v1.0/retailers?customerCode="
                        + server.info().customerCode())
                .expectStatus(200)
                .data()
                .get("Retailer");

        assertThat(retailers).hasSize(1);
        JsonNode retailer = retailers.get(0);
        assertThat(retailer.get("status").asText()).isEqualTo("REG");
        assertThat(retailer.get("isActive").asBoolean()).isTrue();
        assertThat(retailer.get("merchantId").asText()).matches("\\d{15}");
        assertThat(retailer.get("paymentModes"))
                .extracting(JsonNode::asText)
                .containsExactly("card", "sbp", "tinkoff", "dolyame");
        api.get("/acquiring/v1.0/retailers").expectError(400, "customerCode: query parameter required");
        assertThat(api.get("/acquiring/v1.0/retailers?customerCode=300000093")
                        .expectStatus(200)
                        .data()
                        .get("Retailer"))
                .isEmpty();
    }

    @Test
    void a_key_has_authorised_consents_and_may_ask_for_more() {
        JsonNode consents =
                api.get("/consent/v1.0/consents").expectStatus(200).data().get("Consent");
        assertThat(consents).isNotEmpty().allSatisfy(consent -> {
            assertThat(consent.get("status").asText()).isEqualTo("Authorised");
            assertThat(consent.get("isValid").asBoolean()).isTrue();
            assertThat(consent.get("clientId").asText()).isEqualTo(server.info().clientId());
        });

        JsonNode requested = api.post("/consent/v1.0/consents", """
                {"Data": {"permissions": ["ReadCustomerData", "ReadAcquiringData"],
                          "expirationDateTime": "2030-10-03T00:00:00+00:00"}, "Risks": {}}
                """)
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0);
        assertThat(requested.get("status").asText()).isEqualTo("AwaitingAuthorisation");
        String consentId = requested.get("consentId").asText();

        JsonNode fetched =
                api.get("/consent/v1.0/consents/" + consentId).expectStatus(200).data();
        assertThat(fetched.get("permissions"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ReadCustomerData", "ReadAcquiringData");
        assertThat(api.get("/v1.0/consents").expectStatus(200).data().get("Consent"))
                .hasSize(consents.size() + 1);
        api.get("/v1.0/consents/" + consentId).expectStatus(200);
    }

    @Test
    void bad_consent_requests_are_refused_and_foreign_consents_are_not_found() {
        api.post("/consent/v1.0/consents", "{}").expectError(400, "Data: field required");
        api.post("/consent/v1.0/consents", "{\"Data\": {\"permissions\": [\"Teleport\"]}}")
                .expectError(400, "Data.permissions[0]: must be one of");
        api.post("/consent/v1.0/consents", "{\"Data\": {\"permissions\": []}}")
                .expectError(400, "Data.permissions: must contain at least 1 item");
        api.post(
                        "/consent/v1.0/consents",
                        "{\"Data\": {\"permissions\": [\"ReadBalances\"],"
                                + " \"expirationDateTime\": \"2020-01-01T00:00:00+00:00\"}}")
                .expectError(400, "in the past");
        api.post(
                        "/consent/v1.0/consents",
                        "{\"Data\": {\"permissions\": [\"ReadBalances\"]," + " \"expirationDateTime\": \"tomorrow\"}}")
                .expectError(400, "Data.expirationDateTime");
        api.post(
                        "/consent/v1.0/consents",
                        "{\"Data\": {\"permissions\": [\"ReadBalances\"],"
                                + " \"expirationDateTime\": \"+999999999-12-31T00:00:00+00:00\"}}")
                .expectError(400, "Data.expirationDateTime");

        api.get("/consent/v1.0/consents/nope").expectError(404, "nope");
        String mine = api.get("/consent/v1.0/consents")
                .expectStatus(200)
                .data()
                .get("Consent")
                .get(0)
                .get("consentId")
                .asText();
        var other = server.application()
                .keys()
                .issue(
                        "other",
                        Set.of(Permission.ReadCustomerData),
                        Set.of(server.info().customerCode()),
                        null,
                        false);
        server.api(other.token()).get("/consent/v1.0/consents/" + mine).expectError(404, mine);
    }
}
