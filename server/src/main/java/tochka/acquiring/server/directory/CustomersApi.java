package tochka.acquiring.server.directory;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.CustomerList;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.RetailerList;
import tochka.acquiring.server.core.Principal;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.QueryParams;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.http.Wire;

/** {@code /open-banking/v1.0/customers...} and {@code /acquiring/v1.0/retailers}. */
public final class CustomersApi implements Endpoints {

    private final DirectoryService directory;
    private final Responses responses;

    public CustomersApi(DirectoryService directory, Responses responses) {
        this.directory = directory;
        this.responses = responses;
    }

    @Override
    public void addTo(Routes routes) {
        routes.bank(HandlerType.GET, "/open-banking/v1.0/customers", Permission.ReadCustomerData, this::list);
        routes.bank(
                HandlerType.GET,
                "/open-banking/v1.0/customers/{customerCode}",
                Permission.ReadCustomerData,
                this::info);
        routes.bank(HandlerType.GET, "/acquiring/v1.0/retailers", Permission.ReadAcquiringData, this::retailers);
    }

    void list(Context ctx, Principal principal) {
        var customers = directory.companies(principal.customerCodes()).stream()
                .map(CustomersApi::customer)
                .toList();
        responses.ok(ctx, Envelope.of(new CustomerList(customers), responses.self(ctx)));
    }

    void info(Context ctx, Principal principal) {
        String customerCode = ctx.pathParam("customerCode");
        principal.requireCompany(customerCode);
        responses.ok(ctx, Envelope.of(customer(directory.company(customerCode)), responses.self(ctx)));
    }

    void retailers(Context ctx, Principal principal) {
        Problems problems = new Problems();
        String customerCode = new QueryParams(ctx, problems).required("customerCode");
        problems.throwIfAny();
        principal.requireCompany(customerCode);
        var retailers = directory.retailers(customerCode).stream()
                .map(CustomersApi::retailer)
                .toList();
        responses.ok(ctx, Envelope.of(new RetailerList(retailers), responses.self(ctx)));
    }

    private static Customer customer(Company company) {
        return new Customer(
                company.customerCode(),
                company.type(),
                company.resident(),
                company.taxCode(),
                company.fullName(),
                company.shortName(),
                company.kpp(),
                company.ogrn());
    }

    private static tochka.acquiring.api.Retailer retailer(Retailer retailer) {
        return new tochka.acquiring.api.Retailer(
                retailer.status(),
                retailer.active(),
                retailer.mcc(),
                retailer.ratePercent(),
                retailer.name(),
                retailer.url(),
                retailer.merchantId(),
                retailer.terminalId(),
                Wire.modes(retailer.modes()),
                retailer.cashbox());
    }
}
