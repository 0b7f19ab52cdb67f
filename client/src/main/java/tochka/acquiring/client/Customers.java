package tochka.acquiring.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.CustomerList;
import tochka.acquiring.api.Retailer;
import tochka.acquiring.api.RetailerList;

/**
 * The companies a key may act for and their retail points: {@code /open-banking/v1.0/customers} and
 * {@code /acquiring/v1.0/retailers}. The guide's step "find the company's {@code customerCode}" is {@link #list()}:
 * take the {@code Business} one.
 */
public final class Customers extends Resource {

    private static final String LIST = "/open-banking/v1.0/customers";
    private static final String ONE = LIST + "/{customerCode}";
    private static final String RETAILERS = "/acquiring/v1.0/retailers";

    Customers(Transport transport, @Nullable String defaultCustomerCode) {
        super(transport, defaultCustomerCode);
    }

    /** The companies the key may act for. */
    public List<Customer> list() {
        return block(this::listAsync, LIST);
    }

    /** {@link #list()}, asynchronously. */
    public CompletableFuture<List<Customer>> listAsync() {
        return read(LIST, Paths.of("open-banking/v1.0/customers"), CustomerList.class)
                .thenApply(CustomerList::customers);
    }

    /** One company by its {@code customerCode}. */
    public Customer get(String customerCode) {
        return block(() -> getAsync(customerCode), ONE);
    }

    /** {@link #get(String)}, asynchronously. */
    public CompletableFuture<Customer> getAsync(String customerCode) {
        return read(ONE, Paths.of("open-banking/v1.0/customers").segment("customerCode", customerCode), Customer.class);
    }

    /** The retail points (acquiring terminals) of the client's company: their {@code merchantId}, status and modes. */
    public List<Retailer> retailers() {
        return retailers(company(null));
    }

    /** The retail points of {@code customerCode}. */
    public List<Retailer> retailers(String customerCode) {
        return block(() -> retailersAsync(customerCode), RETAILERS);
    }

    /** {@link #retailers(String)}, asynchronously. */
    public CompletableFuture<List<Retailer>> retailersAsync(String customerCode) {
        return read(
                        RETAILERS,
                        Paths.of("acquiring/v1.0/retailers").query("customerCode", company(customerCode)),
                        RetailerList.class)
                .thenApply(RetailerList::retailers);
    }
}
