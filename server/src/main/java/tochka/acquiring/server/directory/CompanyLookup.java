package tochka.acquiring.server.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The directory read inside another feature's transaction ({@link DirectoryService#within}), so what it decides on
 * (a company's type, its retailers) is read in the same snapshot as the rows it writes.
 */
public interface CompanyLookup {

    Optional<Company> find(String customerCode);

    List<Company> findAll(Collection<String> customerCodes);

    /** The sandbox world's companies, which only the sandbox token may act for. */
    List<Company> sandboxCompanies();

    List<Retailer> retailers(String customerCode);

    /** The retailers of {@code customerCodes}, by company and merchantId. */
    List<Retailer> retailersOf(Collection<String> customerCodes);
}
