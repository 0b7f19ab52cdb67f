package tochka.acquiring.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.http.Messages;

/**
 * Companies and their retailers: the list of those the user sees, a company's page, and (for an admin) the forms
 * that add a company and a retailer, so a tester can model several merchants. The rules of what may be added are
 * the directory's ({@link DirectoryService#addCompany}); this page only reads the form, shows the directory's
 * problems next to the fields they name, and changes nothing until every field is right.
 */
public final class CompaniesSection implements ConsoleSection {

    static final String LIST = "/console/companies";
    private static final String NEW_COMPANY = "/console/companies/new";
    private static final String COMPANY = "/console/companies/{customerCode}";
    private static final String NEW_RETAILER = "/console/companies/{customerCode}/retailers/new";
    private static final String RETAILERS = "/console/companies/{customerCode}/retailers";

    /** What a form field may hold before the directory's rules read it: a little more than any rule allows. */
    private static final int MAX_FIELD = 2100;

    private static final Pattern RATE = Pattern.compile("\\d{1,3}([.,]\\d{1,8})?");

    private final DirectoryService directory;

    public CompaniesSection(DirectoryService directory) {
        this.directory = directory;
    }

    // ---- views --------------------------------------------------------------------------------------------------

    /** The companies the user sees, each with its retailers. */
    public record CompaniesPage(Chrome chrome, List<CompanyView> companies, boolean canAdd) implements View {
        @Override
        public String template() {
            return "companies";
        }
    }

    /** One company's page; {@code added} names what was just added (null: nothing). */
    public record CompanyPage(
            Chrome chrome,
            CompanyView company,
            boolean canAdd,
            @Nullable String added) implements View {
        @Override
        public String template() {
            return "companies-company";
        }
    }

    /** A company as the pages show it. */
    public record CompanyView(
            String customerCode,
            String name,
            String fullName,
            String type,
            String taxCode,
            String kpp,
            String ogrn,
            boolean resident,
            boolean demo,
            boolean sandbox,
            List<RetailerView> retailers) {}

    /** A retailer as the pages show it. */
    public record RetailerView(
            String merchantId,
            String name,
            String url,
            String mcc,
            String status,
            boolean canTakePayments,
            String modes,
            String rate,
            boolean active,
            String terminalId) {}

    /** The form that adds a company, with what was typed and what is wrong with it. */
    public record CompanyFormPage(Chrome chrome, CompanyForm form, Problems problems) implements View {
        @Override
        public String template() {
            return "companies-new";
        }
    }

    /** What the company form holds. */
    public record CompanyForm(
            String type,
            String customerCode,
            String fullName,
            String shortName,
            String taxCode,
            String kpp,
            String ogrn,
            boolean resident) {

        static final CompanyForm EMPTY = new CompanyForm("Business", "", "", "", "", "", "", true);
    }

    /** The form that adds a retailer to {@code company}. */
    public record RetailerFormPage(
            Chrome chrome,
            String customerCode,
            String companyName,
            RetailerForm form,
            List<String> statuses,
            List<String> modes,
            Problems problems)
            implements View {
        @Override
        public String template() {
            return "companies-retailer";
        }
    }

    /** What the retailer form holds; {@code modes} are the ticked payment modes' codes. */
    public record RetailerForm(
            String name,
            String url,
            String mcc,
            String status,
            String merchantId,
            Set<String> modes,
            String ratePercent,
            boolean active) {

        public RetailerForm {
            modes = Set.copyOf(modes);
        }

        static final RetailerForm EMPTY = new RetailerForm(
                "",
                "",
                "5999",
                RetailerStatus.REG.name(),
                "",
                Set.of(PaymentMode.CARD.code(), PaymentMode.SBP.code()),
                "2.6",
                true);
    }

    /** What is wrong with a form: every problem, and those of each field by the field's name. */
    public record Problems(List<String> all, Map<String, List<String>> byField) {

        static final Problems NONE = new Problems(List.of(), Map.of());

        public Problems {
            all = List.copyOf(all);
            byField = Map.copyOf(byField);
        }

        /** Problems as the directory names them ({@code "customerCode: must be ..."}), sorted by field. */
        static Problems of(List<String> problems) {
            Map<String, List<String>> byField = new LinkedHashMap<>();
            for (String problem : problems) {
                int colon = problem.indexOf(": ");
                if (colon > 0) {
                    byField.computeIfAbsent(problem.substring(0, colon), unused -> new ArrayList<>())
                            .add(problem.substring(colon + 2));
                }
            }
            return new Problems(problems, byField);
        }

        public boolean any() {
            return !all.isEmpty();
        }

        public List<String> of(String field) {
            return byField.getOrDefault(field, List.of());
        }
    }

    // ---- routes ----------------------------------------------------------------------------------------------

    @Override
    public void addTo(ConsolePages pages) {
        pages.get(LIST, Section.COMPANIES, this::list);
        // Before the company's page, whose {customerCode} would otherwise take "new".
        pages.get(NEW_COMPANY, Section.COMPANIES, this::newCompany);
        pages.post(LIST, Section.COMPANIES, this::addCompany);
        pages.get(COMPANY, Section.COMPANIES, this::company);
        pages.get(NEW_RETAILER, Section.COMPANIES, this::newRetailer);
        pages.post(RETAILERS, Section.COMPANIES, this::addRetailer);
    }

    private void list(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        List<Company> companies =
                operator.admin() ? directory.allCompanies() : directory.companies(operator.customerCodes());
        List<Retailer> retailers = directory.retailersOf(
                companies.stream().map(Company::customerCode).toList());
        Set<String> sandbox = directory.sandboxCustomerCodes();
        List<CompanyView> views = companies.stream()
                .map(company -> view(
                        company,
                        retailers.stream()
                                .filter(retailer -> retailer.customerCode().equals(company.customerCode()))
                                .toList(),
                        sandbox,
                        t))
                .toList();
        ConsolePages.render(
                ctx,
                200,
                new CompaniesPage(
                        ConsolePages.chrome(ctx, t, operator, Section.COMPANIES, t.get("companies.title"), null),
                        views,
                        operator.admin()));
    }

    private void company(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        Company company = visibleCompany(ctx, operator);
        String added = ctx.queryParam("added");
        ConsolePages.render(
                ctx,
                200,
                new CompanyPage(
                        ConsolePages.chrome(ctx, t, operator, Section.COMPANIES, HomeSection.name(company), null),
                        view(company, directory.retailers(company.customerCode()), directory.sandboxCustomerCodes(), t),
                        operator.admin(),
                        added == null ? null : bounded(added, 15)));
    }

    private void newCompany(Context ctx, Operator operator) {
        operator.requireAdmin();
        renderCompanyForm(ctx, operator, 200, CompanyForm.EMPTY, Problems.NONE);
    }

    private void addCompany(Context ctx, Operator operator) {
        operator.requireAdmin();
        CompanyForm form = new CompanyForm(
                field(ctx, "type"),
                field(ctx, "customerCode"),
                field(ctx, "fullName"),
                field(ctx, "shortName"),
                field(ctx, "taxCode"),
                field(ctx, "kpp"),
                field(ctx, "ogrn"),
                ctx.formParam("resident") != null);
        List<String> problems = new ArrayList<>();
        CustomerType type = Arrays.stream(CustomerType.values())
                .filter(known -> known.name().equals(form.type()))
                .findFirst()
                .orElse(null);
        if (type == null) problems.add("type: choose Business or Personal");
        Company company = new Company(
                form.customerCode(),
                type == null ? CustomerType.Business : type,
                form.resident(),
                form.fullName(),
                optional(form.shortName()),
                optional(form.taxCode()),
                optional(form.kpp().toUpperCase(Locale.ROOT)),
                optional(form.ogrn()),
                false);
        try {
            if (problems.isEmpty()) {
                directory.addCompany(company);
                ctx.redirect(
                        LIST + "/" + company.customerCode() + "?added=" + company.customerCode(), HttpStatus.SEE_OTHER);
                return;
            }
            problems.addAll(directory.problems(company));
        } catch (Rejected refused) {
            problems.addAll(refused.problems());
        }
        renderCompanyForm(ctx, operator, 400, form, Problems.of(problems));
    }

    private void newRetailer(Context ctx, Operator operator) {
        Company company = visibleCompany(ctx, operator);
        operator.requireAdmin();
        renderRetailerForm(ctx, operator, 200, company, RetailerForm.EMPTY, Problems.NONE);
    }

    private void addRetailer(Context ctx, Operator operator) {
        Company company = visibleCompany(ctx, operator);
        operator.requireAdmin();
        List<String> modes = ctx.formParams("mode");
        RetailerForm form = new RetailerForm(
                field(ctx, "name"),
                field(ctx, "url"),
                field(ctx, "mcc"),
                field(ctx, "status"),
                field(ctx, "merchantId"),
                Set.copyOf(modes.subList(0, Math.min(modes.size(), PaymentMode.values().length + 1))),
                field(ctx, "ratePercent"),
                ctx.formParam("active") != null);
        List<String> problems = new ArrayList<>();
        RetailerStatus status = Arrays.stream(RetailerStatus.values())
                .filter(known -> known.name().equals(form.status()))
                .findFirst()
                .orElse(null);
        if (status == null) problems.add("status: choose one of the bank's retailer statuses");
        List<PaymentMode> chosen = new ArrayList<>();
        for (PaymentMode mode : TurnoverChart.MODES) { // in the form's order
            if (form.modes().contains(mode.code())) chosen.add(mode);
        }
        if (chosen.size() != form.modes().size()) problems.add("paymentModes: an unknown way to pay");
        BigDecimal rate = BigDecimal.ZERO;
        if (RATE.matcher(form.ratePercent()).matches()) {
            rate = new BigDecimal(form.ratePercent().replace(',', '.'));
        } else {
            problems.add("ratePercent: must be a decimal percentage such as 2.6");
        }
        String merchantId = form.merchantId().isEmpty() ? directory.unusedMerchantId() : form.merchantId();
        Retailer retailer = new Retailer(
                merchantId,
                company.customerCode(),
                form.name(),
                optional(form.url()),
                form.mcc(),
                rate,
                null,
                status == null ? RetailerStatus.NEW : status,
                form.active(),
                chosen,
                null);
        try {
            if (problems.isEmpty()) {
                directory.addRetailer(retailer);
                ctx.redirect(LIST + "/" + company.customerCode() + "?added=" + merchantId, HttpStatus.SEE_OTHER);
                return;
            }
            problems.addAll(directory.problems(retailer));
        } catch (Rejected refused) {
            problems.addAll(refused.problems());
        }
        renderRetailerForm(ctx, operator, 400, company, form, Problems.of(problems));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The company of the path, if the user sees it; another company's reads as an unknown one (404). */
    private Company visibleCompany(Context ctx, Operator operator) {
        String code = bounded(ctx.pathParam("customerCode"), 9);
        if (!operator.sees(code)) throw Rejected.notFound("company " + code + " not found");
        return directory.findCompany(code).orElseThrow(() -> Rejected.notFound("company " + code + " not found"));
    }

    private void renderCompanyForm(Context ctx, Operator operator, int status, CompanyForm form, Problems problems) {
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                status,
                new CompanyFormPage(
                        ConsolePages.chrome(ctx, t, operator, Section.COMPANIES, t.get("companies.new.title"), null),
                        form,
                        problems));
    }

    private void renderRetailerForm(
            Context ctx, Operator operator, int status, Company company, RetailerForm form, Problems problems) {
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx,
                status,
                new RetailerFormPage(
                        ConsolePages.chrome(
                                ctx, t, operator, Section.COMPANIES, t.get("companies.retailer.title"), null),
                        company.customerCode(),
                        HomeSection.name(company),
                        form,
                        Arrays.stream(RetailerStatus.values()).map(Enum::name).toList(),
                        TurnoverChart.MODES.stream().map(PaymentMode::code).toList(),
                        problems));
    }

    private static CompanyView view(Company company, List<Retailer> retailers, Set<String> sandbox, Messages t) {
        return new CompanyView(
                company.customerCode(),
                HomeSection.name(company),
                company.fullName(),
                company.type().name(),
                orEmpty(company.taxCode()),
                orEmpty(company.kpp()),
                orEmpty(company.ogrn()),
                company.resident(),
                company.demo(),
                sandbox.contains(company.customerCode()),
                retailers.stream().map(retailer -> view(retailer, t)).toList());
    }

    private static RetailerView view(Retailer retailer, Messages t) {
        return new RetailerView(
                retailer.merchantId(),
                retailer.name(),
                orEmpty(retailer.url()),
                retailer.mcc(),
                retailer.status().name(),
                retailer.canTakePayments(),
                String.join(
                        ", ",
                        retailer.modes().stream()
                                .map(mode -> t.get("home.mode." + mode.code()))
                                .toList()),
                t.quantity(retailer.ratePercent()) + " %",
                retailer.active(),
                orEmpty(retailer.terminalId()));
    }

    /** A form field, trimmed, cut a little past what any rule allows (so the rule still names it too long). */
    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : bounded(value.strip(), MAX_FIELD);
    }

    private static String bounded(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static @Nullable String optional(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
