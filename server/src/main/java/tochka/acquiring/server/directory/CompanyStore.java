package tochka.acquiring.server.directory;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.Columns;
import tochka.acquiring.server.core.PaymentMode;

/** Companies (the bank's customers) and their acquiring retailers. */
final class CompanyStore implements CompanyLookup {

    private static final RowViewMapper<Company> COMPANY = row -> new Company(
            row.getColumn("customer_code", String.class),
            row.getColumn("customer_type", CustomerType.class),
            row.getColumn("is_resident", Boolean.class),
            row.getColumn("full_name", String.class),
            row.getColumn("short_name", String.class),
            row.getColumn("tax_code", String.class),
            row.getColumn("kpp", String.class),
            row.getColumn("ogrn", String.class),
            row.getColumn("demo", Boolean.class));

    /** The rate is kept as the text of its exact decimal, so that no database rounds it. */
    private static final RowViewMapper<Retailer> RETAILER = row -> new Retailer(
            row.getColumn("merchant_id", String.class),
            row.getColumn("customer_code", String.class),
            row.getColumn("name", String.class),
            row.getColumn("url", String.class),
            row.getColumn("mcc", String.class),
            new BigDecimal(row.getColumn("rate_percent", String.class)),
            row.getColumn("terminal_id", String.class),
            row.getColumn("status", RetailerStatus.class),
            row.getColumn("is_active", Boolean.class),
            Columns.split(row.getColumn("payment_modes", String.class), PaymentMode::ofCode),
            row.getColumn("cashbox", String.class));

    private final Handle handle;

    CompanyStore(Handle handle) {
        this.handle = handle;
    }

    /** Adds a company of the real world, which {@code /uapi} keys may act for. */
    void insert(Company company) {
        insert(company, false);
    }

    /** Adds a company of the sandbox world, which only the sandbox token may act for. */
    void insertIntoSandbox(Company company) {
        insert(company, true);
    }

    private void insert(Company company, boolean sandbox) {
        handle.createUpdate("""
                        INSERT INTO company (customer_code, customer_type, is_resident, full_name, short_name, tax_code,
                            kpp, ogrn, demo, sandbox)
                        VALUES (:code, :type, :resident, :fullName, :shortName, :taxCode, :kpp, :ogrn, :demo, :sandbox)
                        """)
                .bind("sandbox", sandbox)
                .bind("code", company.customerCode())
                .bind("type", company.type().name())
                .bind("resident", company.resident())
                .bind("fullName", company.fullName())
                .bind("shortName", company.shortName())
                .bind("taxCode", company.taxCode())
                .bind("kpp", company.kpp())
                .bind("ogrn", company.ogrn())
                .bind("demo", company.demo())
                .execute();
    }

    void insert(Retailer retailer) {
        handle.createUpdate("""
                        INSERT INTO retailer (merchant_id, customer_code, name, url, mcc, rate_percent, terminal_id,
                            status, is_active, payment_modes, cashbox)
                        VALUES (:merchantId, :code, :name, :url, :mcc, :rate, :terminalId, :status, :active, :modes,
                            :cashbox)
                        """)
                .bind("merchantId", retailer.merchantId())
                .bind("code", retailer.customerCode())
                .bind("name", retailer.name())
                .bind("url", retailer.url())
                .bind("mcc", retailer.mcc())
                .bind("rate", retailer.ratePercent().toPlainString())
                .bind("terminalId", retailer.terminalId())
                .bind("status", retailer.status().name())
                .bind("active", retailer.active())
                .bind("modes", Columns.join(retailer.modes(), PaymentMode::code))
                .bind("cashbox", retailer.cashbox())
                .execute();
    }

    @Override
    public Optional<Company> find(String customerCode) {
        return handle.createQuery("SELECT * FROM company WHERE customer_code = :code")
                .bind("code", customerCode)
                .map(COMPANY)
                .findOne();
    }

    /** The companies among {@code customerCodes} that exist, Business first, then by code. */
    @Override
    public List<Company> findAll(Collection<String> customerCodes) {
        if (customerCodes.isEmpty()) return List.of();
        return handle.createQuery(
                        "SELECT * FROM company WHERE customer_code IN (<codes>) ORDER BY customer_type, customer_code")
                .bindList("codes", List.copyOf(customerCodes))
                .map(COMPANY)
                .list();
    }

    /** Every company of both worlds, the real world's first, Business first, then by code: what an admin sees. */
    List<Company> all() {
        return handle.createQuery("SELECT * FROM company ORDER BY sandbox, customer_type, customer_code")
                .map(COMPANY)
                .list();
    }

    boolean retailerExists(String merchantId) {
        return handle.createQuery("SELECT COUNT(*) FROM retailer WHERE merchant_id = :merchantId")
                        .bind("merchantId", merchantId)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    @Override
    public List<Retailer> retailersOf(Collection<String> customerCodes) {
        if (customerCodes.isEmpty()) return List.of();
        return handle.createQuery(
                        "SELECT * FROM retailer WHERE customer_code IN (<codes>) ORDER BY customer_code, merchant_id")
                .bindList("codes", List.copyOf(customerCodes))
                .map(RETAILER)
                .list();
    }

    /** The demo companies of the real world (the demo key's), Business first. */
    List<Company> demoCompanies() {
        return handle.createQuery("""
                        SELECT * FROM company WHERE demo = TRUE AND sandbox = FALSE
                        ORDER BY customer_type, customer_code
                        """).map(COMPANY).list();
    }

    /** Every company of the real world (none of the sandbox's): those a JWT key may act for. Business first. */
    List<Company> realCompanies() {
        return handle.createQuery("SELECT * FROM company WHERE sandbox = FALSE ORDER BY customer_type, customer_code")
                .map(COMPANY)
                .list();
    }

    /** The sandbox world's companies: all that the sandbox token acts for, and no key may. Business first. */
    @Override
    public List<Company> sandboxCompanies() {
        return handle.createQuery("SELECT * FROM company WHERE sandbox = TRUE ORDER BY customer_type, customer_code")
                .map(COMPANY)
                .list();
    }

    @Override
    public List<Retailer> retailers(String customerCode) {
        return handle.createQuery("SELECT * FROM retailer WHERE customer_code = :code ORDER BY merchant_id")
                .bind("code", customerCode)
                .map(RETAILER)
                .list();
    }
}
