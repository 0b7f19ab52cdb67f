package tochka.acquiring.server.http;

import io.javalin.http.Context;
import tochka.acquiring.api.CustomerList;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.RetailerList;
import tochka.acquiring.server.auth.Principal;
import tochka.acquiring.server.service.DirectoryService;
import tochka.acquiring.server.service.Problems;

/** {@code /open-banking/v1.0/customers...} and {@code /acquiring/v1.0/retailers}. */
final class CustomersApi {

    private final DirectoryService directory;
    private final Responses responses;

    CustomersApi(DirectoryService directory, Responses responses) {
        this.directory = directory;
        this.responses = responses;
    }

    void list(Context ctx, Principal principal) {
        var customers = directory.companies(principal.customerCodes()).stream().map(Wire::customer).toList();
        responses.ok(ctx, Envelope.of(new CustomerList(customers), responses.self(ctx)));
    }

    void info(Context ctx, Principal principal) {
        String customerCode = ctx.pathParam("customerCode");
        principal.requireCompany(customerCode);
        responses.ok(ctx, Envelope.of(Wire.customer(directory.company(customerCode)), responses.self(ctx)));
    }

    void retailers(Context ctx, Principal principal) {
        Problems problems = new Problems();
        String customerCode = new QueryParams(ctx, problems).required("customerCode");
        problems.throwIfAny();
        principal.requireCompany(customerCode);
        var retailers = directory.retailers(customerCode).stream().map(Wire::retailer).toList();
        responses.ok(ctx, Envelope.of(new RetailerList(retailers), responses.self(ctx)));
    }
}
