package tochka.acquiring.server.directory;

import java.math.BigDecimal;
import java.util.List;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Settings;
import tochka.acquiring.server.core.Transactions;

/**
 * The demo data a first start creates, in two worlds that never see each other. The real world, for {@code /uapi}
 * and the demo key, as the bank's guide expects to find it: a Business company whose {@code customerCode} is nine
 * digits starting with 3, a Personal customer, and one retailer in status REG that takes every way to pay the spec
 * knows (card, SBP, T-Pay, Dolyame), so that every one can be tried on the hosted page. The sandbox world, for
 * {@code sandbox.jwt.token} on {@code /sandbox/v2}: the same shape under the bank's sandbox customerCode
 * {@value #SANDBOX_BUSINESS_CODE}. A second start (or a second node) finds them and changes nothing; a data
 * directory made before the sandbox had a world of its own gets the sandbox's on its next start.
 */
public final class DemoData {

    public static final String BUSINESS_CODE = "300000092";
    public static final String PERSONAL_CODE = "300000093";
    public static final String MERCHANT_ID = "200000000001097";

    /** The sandbox's Business company: the customerCode the bank's own sandbox answers with. */
    public static final String SANDBOX_BUSINESS_CODE = "1234567ab";

    public static final String SANDBOX_PERSONAL_CODE = "1234567ac";
    /**
     * The sandbox retailer. The bank's sandbox reportedly answers merchantId 200000000001097, but here that id has
     * always been the real world's demo retailer (a retailer's id is unique across companies, and payments made
     * before the sandbox had a world of its own refer to it), so the sandbox's is the next one.
     */
    public static final String SANDBOX_MERCHANT_ID = "200000000001098";

    private static final String SEEDED = "demo_seeded";
    private static final String SANDBOX_SEEDED = "sandbox_seeded";

    private DemoData() {}

    /** Creates both worlds' demo companies unless they exist; returns whether this call created the real world's. */
    public static boolean seed(Transactions db) {
        boolean seeded = seedRealWorld(db);
        seedSandbox(db);
        return seeded;
    }

    private static boolean seedRealWorld(Transactions db) {
        try {
            return db.inTransaction(handle -> {
                Settings settings = new Settings(handle);
                if (settings.get(SEEDED).isPresent()) return false;
                settings.put(SEEDED, "1");
                CompanyStore companies = new CompanyStore(handle);
                companies.insert(new Company(
                        BUSINESS_CODE,
                        CustomerType.Business,
                        true,
                        "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"РОМАШКА\"",
                        "ООО \"РОМАШКА\"",
                        "7701234567",
                        "770101001",
                        "1027700000012",
                        true));
                companies.insert(new Company(
                        PERSONAL_CODE,
                        CustomerType.Personal,
                        true,
                        "Иванов Иван Иванович",
                        "Иванов И. И.",
                        "770123456789",
                        null,
                        null,
                        true));
                companies.insert(new Retailer(
                        MERCHANT_ID,
                        BUSINESS_CODE,
                        "Ромашка",
                        "https://romashka.example",
                        "5999",
                        new BigDecimal("2.6"),
                        "20000032",
                        RetailerStatus.REG,
                        true,
                        List.of(PaymentMode.CARD, PaymentMode.SBP, PaymentMode.TINKOFF, PaymentMode.DOLYAME),
                        null));
                return true;
            });
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) return false; // another node seeded first
            throw e;
        }
    }

    private static void seedSandbox(Transactions db) {
        try {
            db.useTransaction(handle -> {
                Settings settings = new Settings(handle);
                if (settings.get(SANDBOX_SEEDED).isPresent()) return;
                settings.put(SANDBOX_SEEDED, "1");
                CompanyStore companies = new CompanyStore(handle);
                companies.insertIntoSandbox(new Company(
                        SANDBOX_BUSINESS_CODE,
                        CustomerType.Business,
                        true,
                        "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ПЕСОЧНИЦА\"",
                        "ООО \"ПЕСОЧНИЦА\"",
                        "7709876543",
                        "770901001",
                        "1027700000023",
                        true));
                companies.insertIntoSandbox(new Company(
                        SANDBOX_PERSONAL_CODE,
                        CustomerType.Personal,
                        true,
                        "Петров Пётр Петрович",
                        "Петров П. П.",
                        "770987654321",
                        null,
                        null,
                        true));
                companies.insert(new Retailer(
                        SANDBOX_MERCHANT_ID,
                        SANDBOX_BUSINESS_CODE,
                        "Песочница",
                        "https://sandbox.example",
                        "5999",
                        new BigDecimal("2.6"),
                        "20000033",
                        RetailerStatus.REG,
                        true,
                        List.of(PaymentMode.CARD, PaymentMode.SBP, PaymentMode.TINKOFF, PaymentMode.DOLYAME),
                        null));
            });
        } catch (RuntimeException e) {
            if (!Database.isUniqueViolation(e)) throw e; // else another node seeded first
        }
    }
}
