package tochka.acquiring.server.service;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import tochka.acquiring.server.domain.Company;
import tochka.acquiring.server.domain.Retailer;
import tochka.acquiring.server.store.CompanyStore;

/** The bank's customers (companies) and their acquiring retailers, as a key may see them. */
public final class DirectoryService {

    private final Jdbi jdbi;

    public DirectoryService(Jdbi jdbi) {
        this.jdbi = jdbi;
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
