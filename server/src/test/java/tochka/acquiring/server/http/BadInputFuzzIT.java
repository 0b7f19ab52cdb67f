package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.ApiClient;
import tochka.acquiring.server.testing.ApiResponse;
import tochka.acquiring.server.testing.ServerExtension;
import tochka.acquiring.server.testing.TestServer;

/**
 * Hundreds of requests with wrong types, absurd values and broken JSON in every field, from a fixed seed: the server
 * answers each with 200 or the bank's 4xx error body (the contract check validates every one), never a 5xx.
 */
class BadInputFuzzIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Object> WEIRD = new ArrayList<>(List.of(true, false, 0, -1, 1e308, "1e400",
            new java.math.BigInteger("1" + "0".repeat(40)), "", " ", "x".repeat(5000), List.of(), Map.of(), "NaN",
            "Infinity", "0x10", "１０", "10,5", "\u0000", "😀", "-0", "0.001", "99999999999999999999.99",
            "-999999999-01-01", "+999999999-12-31T00:00:00+00:00", List.of("card", "card"), Map.of("a", 1)));
    private static final List<String> FIELDS = List.of("customerCode", "amount", "purpose", "paymentMode",
            "redirectUrl", "failRedirectUrl", "saveCard", "consumerId", "merchantId", "preAuthorization", "ttl",
            "paymentLinkId", "taxSystemCode", "Client", "Items", "Supplier");

    static {
        WEIRD.add(null);
    }

    private final TestServer server = running.get();
    private final Random random = new Random(20261128);

    private Object weird() {
        return WEIRD.get(random.nextInt(WEIRD.size()));
    }

    @Test
    void no_bad_request_body_gets_a_server_error() throws Exception {
        ApiClient api = server.api();
        String operationId = server.paidCardLink("10");
        List<ApiResponse> responses = new ArrayList<>();

        for (int i = 0; i < 150; i++) {
            Map<String, Object> data = new LinkedHashMap<>(Map.of("customerCode", server.info().customerCode(),
                    "amount", "10", "purpose", "p", "paymentMode", List.of("card")));
            for (int j = 0; j <= random.nextInt(3); j++) data.put(FIELDS.get(random.nextInt(FIELDS.size())), weird());
            if (random.nextBoolean()) {
                Map<String, Object> item = new LinkedHashMap<>();
                for (String field : List.of("name", "amount", "quantity", "vatType", "measure", "Supplier")) {
                    item.put(field, weird());
                }
                data.put("Items", List.of(item));
                data.put("Client", Map.of("email", String.valueOf(weird())));
            }
            String body = JSON.writeValueAsString(Map.of("Data", data));
            String path = random.nextBoolean() ? "/acquiring/v1.0/payments" : "/acquiring/v1.0/payments_with_receipt";
            responses.add(api.post(path, body));
            responses.add(api.post(path, body.substring(0, body.length() - 1 - random.nextInt(body.length() - 1))));
            responses.add(api.post("/acquiring/v1.0/payments/" + operationId + "/refund",
                    JSON.writeValueAsString(Map.of("Data", Map.of("amount", String.valueOf(weird()))))));
            responses.add(api.post("/consent/v1.0/consents", JSON.writeValueAsString(Map.of("Data",
                    Map.of("permissions", List.of("ReadBalances"), "expirationDateTime", String.valueOf(weird()))))));
            responses.add(api.get("/acquiring/v1.0/payments?customerCode=" + server.info().customerCode()
                    + "&fromDate=" + java.net.URLEncoder.encode(String.valueOf(weird()), "UTF-8")));
        }

        assertThat(responses).allSatisfy(response ->
                assertThat(response.status()).as("%s %s -> %s", response.method(), response.path(), response.body())
                        .isLessThan(500));
    }
}
