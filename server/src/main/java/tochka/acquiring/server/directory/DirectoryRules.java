package tochka.acquiring.server.directory;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.server.core.Problems;

/**
 * What a company and a retailer must look like before they are added: one rule for every way in (the console's
 * forms, the tests' set-up), each problem named by the record's field. Formats only, as the bank shows them: a
 * customerCode of nine digits starting with 3 (the sandbox's {@code 1234567ab} is seeded, never added), an INN of 10
 * digits (a legal entity, with a 9-character KPP and a 13-digit OGRN) or 12 (a person or a sole trader, with a
 * 15-digit OGRNIP and no KPP), a merchantId of 15 digits and an MCC of 4. Check digits are not verified: a tester
 * types made-up tax details.
 */
final class DirectoryRules {

    private static final Pattern CUSTOMER_CODE = Pattern.compile("3\\d{8}");
    private static final Pattern INN = Pattern.compile("\\d{10}|\\d{12}");
    private static final Pattern KPP = Pattern.compile("\\d{4}[0-9A-Z]{2}\\d{3}");
    private static final Pattern OGRN = Pattern.compile("\\d{13}|\\d{15}");
    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");
    private static final Pattern MCC = Pattern.compile("\\d{4}");
    private static final Pattern TERMINAL_ID = Pattern.compile("\\d{8}");

    static final int MAX_FULL_NAME = 500;
    static final int MAX_SHORT_NAME = 255;
    static final int MAX_RETAILER_NAME = 255;
    static final int MAX_URL = 2083;
    /** The commission is a percentage below 100 with at most 4 decimals (the column keeps 8 characters). */
    static final int MAX_RATE_SCALE = 4;

    private DirectoryRules() {}

    /** Every problem of {@code company}, none when it may be added. */
    static Problems check(Company company) {
        Problems problems = new Problems();
        if (!CUSTOMER_CODE.matcher(company.customerCode()).matches()) {
            problems.add("customerCode", "must be 9 digits starting with 3, as the bank's customer codes are");
        }
        text(problems, "fullName", company.fullName(), MAX_FULL_NAME);
        if (company.shortName() != null) text(problems, "shortName", company.shortName(), MAX_SHORT_NAME);
        String inn = company.taxCode();
        if (inn != null && !INN.matcher(inn).matches()) {
            problems.add("taxCode", "an INN is 10 digits (a legal entity) or 12 (a person or a sole trader)");
        }
        boolean legalEntity = inn != null && inn.length() == 10;
        if (company.type() == CustomerType.Personal && inn != null && inn.length() != 12) {
            problems.add("taxCode", "a Personal customer's INN is 12 digits");
        }
        String kpp = company.kpp();
        if (kpp != null) {
            if (!KPP.matcher(kpp).matches()) {
                problems.add("kpp", "a KPP is 9 characters: 4 digits, 2 digits or capital letters, 3 digits");
            } else if (!legalEntity) {
                problems.add("kpp", "only a legal entity (an INN of 10 digits) has a KPP");
            }
        }
        String ogrn = company.ogrn();
        if (ogrn != null) {
            if (company.type() == CustomerType.Personal) {
                problems.add("ogrn", "a Personal customer has no OGRN");
            } else if (!OGRN.matcher(ogrn).matches()) {
                problems.add("ogrn", "an OGRN is 13 digits (a legal entity) or 15 (an OGRNIP of a sole trader)");
            } else if (inn != null && (ogrn.length() == 13) != legalEntity) {
                problems.add(
                        "ogrn",
                        legalEntity
                                ? "a legal entity (an INN of 10 digits) has an OGRN of 13 digits"
                                : "a sole trader (an INN of 12 digits) has an OGRNIP of 15 digits");
            }
        }
        return problems;
    }

    /** Every problem of {@code retailer}, none when it may be added. */
    static Problems check(Retailer retailer) {
        Problems problems = new Problems();
        if (!MERCHANT_ID.matcher(retailer.merchantId()).matches()) {
            problems.add("merchantId", "must be 15 digits");
        }
        text(problems, "name", retailer.name(), MAX_RETAILER_NAME);
        String url = retailer.url();
        if (url != null && !isWebAddress(url)) {
            problems.add("url", "must be an http or https address of at most " + MAX_URL + " characters");
        }
        if (!MCC.matcher(retailer.mcc()).matches()) problems.add("mcc", "an MCC is 4 digits");
        BigDecimal rate = retailer.ratePercent();
        if (rate.signum() < 0
                || rate.compareTo(BigDecimal.valueOf(100)) >= 0
                || rate.stripTrailingZeros().scale() > MAX_RATE_SCALE) {
            problems.add("ratePercent", "must be a percentage from 0 to below 100 with at most 4 decimals");
        }
        String terminalId = retailer.terminalId();
        if (terminalId != null && !TERMINAL_ID.matcher(terminalId).matches()) {
            problems.add("terminalId", "must be 8 digits");
        }
        if (retailer.modes().isEmpty()) problems.add("paymentModes", "choose at least one way to pay");
        if (retailer.modes().stream().distinct().count() != retailer.modes().size()) {
            problems.add("paymentModes", "each way to pay once");
        }
        return problems;
    }

    private static void text(Problems problems, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field, "must not be empty");
        } else if (value.length() > max) {
            problems.add(field, "must be at most " + max + " characters");
        } else if (!value.equals(value.strip())) {
            problems.add(field, "must not start or end with spaces");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(field, "must not contain control characters");
        }
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL) return false;
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && !url.chars().anyMatch(c -> c <= 0x20);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
