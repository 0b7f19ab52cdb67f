package tochka.acquiring.server.directory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.server.core.Rejected;

/** The bank's customers (companies) and their acquiring retailers, as a key may see them. */
public final class DirectoryService {

    private final Jdbi jdbi;

    public DirectoryService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The directory inside the caller's transaction: for reads that must agree with the caller's writes. */
    public static CompanyLookup within(Handle handle) {
        return new CompanyStore(handle);
    }

    /** Adds a company of the real world, which {@code /uapi} keys may act for. */
    public void addCompany(Company company) {
        jdbi.useTransaction(handle -> new CompanyStore(handle).insert(company));
    }

    /** Adds a retailer to its company. */
    public void addRetailer(Retailer retailer) {
        jdbi.useTransaction(handle -> new CompanyStore(handle).insert(retailer));
    }

    public List<Company> companies(Collection<String> customerCodes) {
        return jdbi.withHandle(handle -> new CompanyStore(handle).findAll(customerCodes));
    }

    public Company company(String customerCode) {
        return jdbi.withHandle(handle -> new CompanyStore(handle).find(customerCode))
                .orElseThrow(() -> Rejected.forbidden("customerCode " + customerCode + " is not available"));
    }

    public List<Company> demoCompanies() {
        return jdbi.withHandle(handle -> new CompanyStore(handle).demoCompanies());
    }

    /** Every company of the real world, none of the sandbox's: those a JWT key may act for. */
    public List<Company> realCompanies() {
        return jdbi.withHandle(handle -> new CompanyStore(handle).realCompanies());
    }

    /** The customerCodes of the demo companies: those the demo key, and a key made without a company, act for. */
    public Set<String> demoCustomerCodes() {
        return demoCompanies().stream().map(Company::customerCode).collect(Collectors.toUnmodifiableSet());
    }

    /** The demo Business company, the one the guide's examples and the printed demo settings use. */
    public Company demoBusiness() {
        return demoCompanies().stream()
                .filter(company -> company.type() == CustomerType.Business)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo world has no Business company"));
    }

    public List<Retailer> retailers(String customerCode) {
        return jdbi.withHandle(handle -> new CompanyStore(handle).retailers(customerCode));
    }

    /**
     * The retailer {@code merchantId} of {@code customerCode}.
     *
     * @throws Rejected (400) when the company has no such retailer
     */
    public Retailer retailer(String customerCode, String merchantId) {
        return retailers(customerCode).stream()
                .filter(retailer -> retailer.merchantId().equals(merchantId))
                .findFirst()
                .orElseThrow(() -> Rejected.invalid(
                        "merchantId: " + merchantId + " is not a retailer of customerCode " + customerCode));
    }
}
