package tochka.acquiring.server.directory;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.Transactions;

/** The bank's customers (companies) and their acquiring retailers, as a key may see them. */
public final class DirectoryService {

    /**
     * How old a {@link #seller} may be. Companies and retailers are only ever added; one added on this node is seen
     * at once, one added on another node of a cluster within this.
     */
    public static final Duration SELLER_FRESHNESS = Duration.ofSeconds(1);

    /** A company and its retailers: what making a payment link for it reads. */
    public record Seller(Company company, List<Retailer> retailers) {}

    private final Transactions db;
    /**
     * Sellers by customerCode (empty: no such company), read again at most {@link #SELLER_FRESHNESS} later: a
     * payment link's two reads of them were a fifth of its cost.
     */
    private final LoadingCache<String, Optional<Seller>> sellers;

    public DirectoryService(Transactions db) {
        this.db = db;
        this.sellers = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(SELLER_FRESHNESS)
                .build(customerCode -> db.withHandle(handle -> {
                    CompanyLookup companies = within(handle);
                    return companies
                            .find(customerCode)
                            .map(company -> new Seller(company, List.copyOf(companies.retailers(customerCode))));
                }));
    }

    /** The company {@code customerCode} and its retailers, at most {@link #SELLER_FRESHNESS} old. */
    public Optional<Seller> seller(String customerCode) {
        return sellers.get(customerCode);
    }

    /** The directory inside the caller's transaction: for reads that must agree with the caller's writes. */
    public static CompanyLookup within(Handle handle) {
        return new CompanyStore(handle);
    }

    /**
     * Adds a company of the real world, which {@code /uapi} keys may act for.
     *
     * @throws Rejected (400) naming every field that breaks {@link DirectoryRules}, or the customerCode when it is
     *     taken; nothing is added then
     */
    public void addCompany(Company company) {
        DirectoryRules.check(company).throwIfAny();
        try {
            db.useTransaction(handle -> {
                CompanyStore companies = new CompanyStore(handle);
                if (companies.find(company.customerCode()).isPresent()) throw taken(company.customerCode());
                companies.insert(company);
            });
            sellers.invalidate(company.customerCode());
        } catch (RuntimeException e) {
            // Two admins adding the same code at once: the second finds the primary key taken.
            if (Database.isUniqueViolation(e)) throw taken(company.customerCode());
            throw e;
        }
    }

    /**
     * Adds a retailer to its company.
     *
     * @throws Rejected (400) naming every field that breaks {@link DirectoryRules}, the customerCode when there is
     *     no such company, or the merchantId when it is taken (merchantIds are unique across companies); nothing
     *     is added then
     */
    public void addRetailer(Retailer retailer) {
        DirectoryRules.check(retailer).throwIfAny();
        try {
            db.useTransaction(handle -> {
                CompanyStore companies = new CompanyStore(handle);
                if (companies.find(retailer.customerCode()).isEmpty()) {
                    throw Rejected.invalid("customerCode", "no company " + retailer.customerCode());
                }
                if (companies.retailerExists(retailer.merchantId())) throw merchantTaken(retailer.merchantId());
                companies.insert(retailer);
            });
            sellers.invalidate(retailer.customerCode());
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) throw merchantTaken(retailer.merchantId());
            throw e;
        }
    }

    /** What is wrong with {@code company} by the rules of {@link #addCompany} (duplicates aside): none when right. */
    public List<String> problems(Company company) {
        return problems(DirectoryRules.check(company));
    }

    /** What is wrong with {@code retailer} by the rules of {@link #addRetailer} (duplicates aside): none when right. */
    public List<String> problems(Retailer retailer) {
        return problems(DirectoryRules.check(retailer));
    }

    private static List<String> problems(Problems problems) {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (Rejected refused) {
            return refused.problems();
        }
    }

    /**
     * A merchantId no retailer has yet: 15 digits starting with 2, as the bank's. Random, so two admins adding at
     * once rarely collide; if they do, the second add is refused as a duplicate and may simply be repeated.
     */
    public String unusedMerchantId() {
        return db.withHandle(handle -> {
            CompanyStore companies = new CompanyStore(handle);
            String candidate;
            do {
                candidate = "2" + ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 100_000_000_000_000L);
            } while (companies.retailerExists(candidate));
            return candidate;
        });
    }

    /** Every company of both worlds (the sandbox's last): what an admin sees. */
    public List<Company> allCompanies() {
        return db.withHandle(handle -> new CompanyStore(handle).all());
    }

    /** The company {@code customerCode}, if there is one. */
    public Optional<Company> findCompany(String customerCode) {
        return db.withHandle(handle -> new CompanyStore(handle).find(customerCode));
    }

    /** The retailers of {@code customerCodes}, by company and merchantId. */
    public List<Retailer> retailersOf(Collection<String> customerCodes) {
        return db.withHandle(handle -> new CompanyStore(handle).retailersOf(customerCodes));
    }

    /** The customerCodes of the sandbox world, which only the sandbox token acts for. */
    public Set<String> sandboxCustomerCodes() {
        return db.withHandle(handle -> new CompanyStore(handle).sandboxCompanies()).stream()
                .map(Company::customerCode)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Rejected taken(String customerCode) {
        return Rejected.invalid("customerCode", customerCode + " is already a company");
    }

    private static Rejected merchantTaken(String merchantId) {
        return Rejected.invalid("merchantId", merchantId + " is already a retailer");
    }

    public List<Company> companies(Collection<String> customerCodes) {
        return db.withHandle(handle -> new CompanyStore(handle).findAll(customerCodes));
    }

    public Company company(String customerCode) {
        return db.withHandle(handle -> new CompanyStore(handle).find(customerCode))
                .orElseThrow(() -> Rejected.forbidden("customerCode " + customerCode + " is not available"));
    }

    public List<Company> demoCompanies() {
        return db.withHandle(handle -> new CompanyStore(handle).demoCompanies());
    }

    /** Every company of the real world, none of the sandbox's: those a JWT key may act for. */
    public List<Company> realCompanies() {
        return db.withHandle(handle -> new CompanyStore(handle).realCompanies());
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
        return db.withHandle(handle -> new CompanyStore(handle).retailers(customerCode));
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
