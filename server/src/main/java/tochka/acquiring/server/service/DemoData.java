package tochka.acquiring.server.service;

import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.domain.Company;
import tochka.acquiring.server.domain.PaymentMode;
import tochka.acquiring.server.domain.Retailer;
import tochka.acquiring.server.store.CompanyStore;
import tochka.acquiring.server.store.Database;
import tochka.acquiring.server.store.KeyStore;

/**
 * The demo world a first start creates, as the bank's guide expects to find it: a Business company whose
 * {@code customerCode} is nine digits starting with 3, a Personal customer, and one retailer in status REG that
 * takes every way to pay the spec knows (card, SBP, T-Pay, Dolyame), so that every one can be tried on the hosted
 * page. A second start (or a second node) finds it and changes nothing.
 */
public final class DemoData {

    public static final String BUSINESS_CODE = "300000092";
    public static final String PERSONAL_CODE = "300000093";
    public static final String MERCHANT_ID = "200000000001097";

    private static final String SEEDED = "demo_seeded";

    private DemoData() {}

    /** Creates the demo companies unless they exist; returns whether this call created them. */
    public static boolean seed(Jdbi jdbi) {
        try {
            return jdbi.inTransaction(handle -> {
                KeyStore settings = new KeyStore(handle);
                if (settings.setting(SEEDED).isPresent()) return false;
                settings.putSetting(SEEDED, "1");
                CompanyStore companies = new CompanyStore(handle);
                companies.insert(new Company(BUSINESS_CODE, CustomerType.Business, true,
                        "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"РОМАШКА\"", "ООО \"РОМАШКА\"", "7701234567",
                        "770101001", "1027700000012", true));
                companies.insert(new Company(PERSONAL_CODE, CustomerType.Personal, true,
                        "Иванов Иван Иванович", "Иванов И. И.", "770123456789", null, null, true));
                companies.insert(new Retailer(MERCHANT_ID, BUSINESS_CODE, "Ромашка", "https://romashka.example",
                        "5999", new BigDecimal("2.6"), "20000032", RetailerStatus.REG, true,
                        List.of(PaymentMode.CARD, PaymentMode.SBP, PaymentMode.TINKOFF, PaymentMode.DOLYAME), null));
                return true;
            });
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) return false; // another node seeded first
            throw e;
        }
    }
}
