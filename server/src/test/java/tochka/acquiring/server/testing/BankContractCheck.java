package tochka.acquiring.server.testing;

import tochka.acquiring.server.contract.OpenApiContract;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ResponseCheck;

/**
 * Holds every JSON response of a method that the bank's spec describes to that method's response schema for its
 * status, so no test of the server can receive a body the bank would not send. The kit's clients find it through
 * {@code META-INF/services/tochka.acquiring.testkit.ResponseCheck} in the server's test resources.
 */
public final class BankContractCheck implements ResponseCheck {

    @Override
    public void check(ApiResponse response, String contentType) {
        OpenApiContract contract = OpenApiContract.load();
        if (contentType.startsWith("application/json") && contract.covers(response.method(), response.path())) {
            contract.validate(response.method(), response.path(), response.status(), response.body());
        }
    }
}
