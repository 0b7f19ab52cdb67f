package tochka.acquiring.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.console.KeyViews.AccessPage;
import tochka.acquiring.server.console.KeyViews.Choice;
import tochka.acquiring.server.console.KeyViews.CodePage;
import tochka.acquiring.server.console.KeyViews.ConnectPage;
import tochka.acquiring.server.console.KeyViews.InfoPage;
import tochka.acquiring.server.console.KeyViews.IntegrationsPage;
import tochka.acquiring.server.console.KeyViews.KeyPage;
import tochka.acquiring.server.console.KeyViews.KeyRow;
import tochka.acquiring.server.console.KeyViews.NamePage;
import tochka.acquiring.server.console.KeyViews.PhoneMessage;
import tochka.acquiring.server.console.KeyViews.PhonePage;
import tochka.acquiring.server.console.KeyViews.RevokePage;
import tochka.acquiring.server.console.KeyViews.State;
import tochka.acquiring.server.console.KeyViews.TermsPage;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.keys.ApiKey;
import tochka.acquiring.server.keys.KeyAccess;
import tochka.acquiring.server.keys.KeyRequest;
import tochka.acquiring.server.keys.KeyRequests;
import tochka.acquiring.server.keys.KeyRequests.Confirmation;
import tochka.acquiring.server.keys.Keys;
import tochka.acquiring.server.sms.DevSmsGateway;
import tochka.acquiring.server.users.ConsoleUser;
import tochka.acquiring.server.users.Users;

/**
 * "Integrations and API" (the guide's steps 1 to 7): the keys a user sees, the choice of how to connect, the JWT key
 * wizard (name; companies and accesses; term and consents; the SMS code), a key's page with its token, re-issue and
 * revocation, and the development phone that shows the codes. The wizard keeps its state on the server (a
 * {@link KeyRequest} bound to the user), so it needs no script. A company user sees only the keys whose companies
 * are all theirs; any other key, and another user's request, is not found, on pages and forms alike.
 */
public final class IntegrationsSection implements ConsoleSection {

    static final String BASE = "/console/integrations";
    static final String PHONE = "/console/phone";

    private static final Pattern CLIENT_ID = Pattern.compile("[0-9a-z]{1,32}");
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String COMPANY_FIELD = "company-";
    private static final String ACCESS_FIELD = "access-";

    private final Keys keys;
    private final KeyRequests requests;
    private final DirectoryService directory;
    private final Users users;
    private final DevSmsGateway phone;
    private final ServerClock clock;

    public IntegrationsSection(
            Keys keys,
            KeyRequests requests,
            DirectoryService directory,
            Users users,
            DevSmsGateway phone,
            ServerClock clock) {
        this.keys = keys;
        this.requests = requests;
        this.directory = directory;
        this.users = users;
        this.phone = phone;
        this.clock = clock;
    }

    @Override
    public void addTo(ConsolePages pages) {
        Section section = Section.INTEGRATIONS;
        pages.get(BASE, section, this::list);
        pages.get(BASE + "/connect", section, this::connect);
        pages.get(BASE + "/oauth", section, (ctx, operator) -> info(ctx, operator, false));
        pages.get(BASE + "/help", section, (ctx, operator) -> info(ctx, operator, true));
        pages.get(BASE + "/jwt", section, this::namePage);
        pages.post(BASE + "/jwt", section, this::start);
        pages.get(BASE + "/requests/{id}/access", section, this::accessPage);
        pages.post(BASE + "/requests/{id}/access", section, this::chooseAccess);
        pages.get(BASE + "/requests/{id}/terms", section, this::termsPage);
        pages.post(BASE + "/requests/{id}/terms", section, this::submit);
        pages.get(BASE + "/requests/{id}/code", section, this::codePage);
        pages.post(BASE + "/requests/{id}/code", section, this::confirm);
        pages.post(BASE + "/requests/{id}/resend", section, this::resend);
        pages.get(BASE + "/keys/{clientId}", section, this::keyPage);
        pages.post(BASE + "/keys/{clientId}/reissue", section, this::reissue);
        pages.get(BASE + "/keys/{clientId}/revoke", section, this::revokePage);
        pages.post(BASE + "/keys/{clientId}/revoke", section, this::revoke);
        pages.get(PHONE, Section.NONE, this::phonePage);
    }

    // ---- the list and the choice -----------------------------------------------------------------------------

    private void list(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        List<KeyRow> rows = keys.list().stream()
                .filter(key -> operator.seesAll(key.customerCodes()))
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .map(key -> new KeyRow(key.clientId(), key.name(), created(t, key), term(t, key), state(key)))
                .toList();
        render(ctx, 200, new IntegrationsPage(chrome(ctx, t, operator, "integrations.title"), rows));
    }

    private void connect(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        render(ctx, 200, new ConnectPage(chrome(ctx, t, operator, "connect.title")));
    }

    private void info(Context ctx, Operator operator, boolean help) {
        Messages t = ConsolePages.messages(ctx);
        render(ctx, 200, new InfoPage(chrome(ctx, t, operator, help ? "help.title" : "oauth.title"), help));
    }

    // ---- step 1: the name ------------------------------------------------------------------------------------

    private void namePage(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        render(ctx, 200, new NamePage(chrome(ctx, t, operator, "keys.name.title"), "", null));
    }

    private void start(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        String name = String.valueOf(ctx.formParam("name")).strip();
        if (ctx.formParam("name") == null || name.isEmpty() || name.length() > Keys.MAX_NAME) {
            String shown = name.length() > Keys.MAX_NAME ? name.substring(0, Keys.MAX_NAME) : name;
            render(
                    ctx,
                    400,
                    new NamePage(
                            chrome(ctx, t, operator, "keys.name.title"),
                            ctx.formParam("name") == null ? "" : shown,
                            t.format("keys.name.error", Keys.MAX_NAME)));
            return;
        }
        KeyRequest request = requests.start(operator.userId(), name);
        ctx.redirect(step(request, "access"), HttpStatus.SEE_OTHER);
    }

    // ---- step 2: companies and accesses ----------------------------------------------------------------------

    private void accessPage(Context ctx, Operator operator) {
        KeyRequest request = openRequest(ctx, operator);
        if (request == null) return;
        List<Company> visible = companies(operator);
        Set<String> chosen = request.customerCodes() != null
                ? request.customerCodes()
                : visible.size() == 1 ? Set.of(visible.get(0).customerCode()) : Set.of();
        Set<KeyAccess> access = request.access() != null ? request.access() : EnumSet.allOf(KeyAccess.class);
        renderAccess(ctx, operator, 200, request, visible, chosen, access, null);
    }

    private void chooseAccess(Context ctx, Operator operator) {
        KeyRequest request = openRequest(ctx, operator);
        if (request == null) return;
        List<Company> visible = companies(operator);
        Set<String> visibleCodes = visible.stream().map(Company::customerCode).collect(Collectors.toSet());
        Set<String> chosen = new LinkedHashSet<>();
        Set<KeyAccess> access = EnumSet.noneOf(KeyAccess.class);
        for (String field : ctx.formParamMap().keySet()) {
            if (field.startsWith(COMPANY_FIELD)) {
                String code = field.substring(COMPANY_FIELD.length());
                // Another company's code (or an unknown one) reads as a missing object, as everywhere in the console.
                if (!visibleCodes.contains(code)) throw Rejected.notFound("company not found");
                chosen.add(code);
            } else if (field.startsWith(ACCESS_FIELD)) {
                String name = field.substring(ACCESS_FIELD.length());
                for (KeyAccess candidate : KeyAccess.values()) {
                    if (candidate.name().equals(name)) access.add(candidate);
                }
            }
        }
        Messages t = ConsolePages.messages(ctx);
        List<String> problems = new ArrayList<>();
        if (chosen.isEmpty()) problems.add(t.get("keys.access.error.company"));
        for (KeyAccess required : KeyAccess.requiredOnes()) {
            if (!access.contains(required)) problems.add(t.format("keys.access.error.required", text(t, required)));
        }
        if (!problems.isEmpty()) {
            renderAccess(ctx, operator, 400, request, visible, chosen, access, String.join(" ", problems));
            return;
        }
        requests.chooseAccess(request.requestId(), operator.userId(), chosen, access);
        ctx.redirect(step(request, "terms"), HttpStatus.SEE_OTHER);
    }

    private void renderAccess(
            Context ctx,
            Operator operator,
            int status,
            KeyRequest request,
            List<Company> visible,
            Set<String> chosen,
            Set<KeyAccess> access,
            @Nullable String error) {
        Messages t = ConsolePages.messages(ctx);
        List<Choice> companies = visible.stream()
                .map(company -> new Choice(
                        COMPANY_FIELD + company.customerCode(),
                        company.shortName() != null ? company.shortName() : company.fullName(),
                        t.format("keys.access.company.hint", company.customerCode(), company.type()),
                        chosen.contains(company.customerCode()),
                        false))
                .toList();
        List<Choice> accesses = EnumSet.allOf(KeyAccess.class).stream()
                .map(each -> new Choice(
                        ACCESS_FIELD + each.name(),
                        text(t, each),
                        t.get("keys.access." + each.name() + ".hint"),
                        access.contains(each),
                        each.required()))
                .toList();
        render(
                ctx,
                status,
                new AccessPage(
                        chrome(ctx, t, operator, "keys.access.title"),
                        request.requestId(),
                        request.name(),
                        request.replaces(),
                        companies,
                        accesses,
                        error));
    }

    // ---- step 3: term and consents ---------------------------------------------------------------------------

    private void termsPage(Context ctx, Operator operator) {
        KeyRequest request = openRequest(ctx, operator);
        if (request == null) return;
        if (request.customerCodes() == null) {
            ctx.redirect(step(request, "access"), HttpStatus.SEE_OTHER);
            return;
        }
        Instant expires = request.expiresAt();
        String until = expires == null ? "" : lastDay(expires).toString();
        renderTerms(ctx, operator, 200, request, !Boolean.FALSE.equals(request.unlimited()), until, false, false, null);
    }

    private void submit(Context ctx, Operator operator) {
        KeyRequest request = openRequest(ctx, operator);
        if (request == null) return;
        if (request.customerCodes() == null) {
            ctx.redirect(step(request, "access"), HttpStatus.SEE_OTHER);
            return;
        }
        Messages t = ConsolePages.messages(ctx);
        boolean unlimited = !"until".equals(ctx.formParam("term"));
        String until = bounded(ctx.formParam("until"), 10);
        boolean personalData = ctx.formParam("consent-personal-data") != null;
        boolean offer = ctx.formParam("consent-offer") != null;
        List<String> problems = new ArrayList<>();
        Instant expiresAt = null;
        if (!unlimited) {
            LocalDate today = today();
            LocalDate date = date(until);
            if (date == null) {
                problems.add(t.get("keys.terms.error.date"));
            } else if (date.isBefore(today) || date.isAfter(today.plusYears(KeyRequests.MAX_TERM_YEARS))) {
                problems.add(t.format("keys.terms.error.range", KeyRequests.MAX_TERM_YEARS));
            } else {
                // A key "until 7 July" works through that whole day, Moscow time.
                expiresAt = date.plusDays(1).atStartOfDay(BankTime.ZONE).toInstant();
            }
        }
        if (!personalData) problems.add(t.get("keys.terms.error.personalData"));
        if (!offer) problems.add(t.get("keys.terms.error.offer"));
        if (!problems.isEmpty()) {
            renderTerms(ctx, operator, 400, request, unlimited, until, personalData, offer, String.join(" ", problems));
            return;
        }
        requests.submit(
                request.requestId(), operator.userId(), unlimited, expiresAt, personalData, offer, phoneOf(operator));
        ctx.redirect(step(request, "code"), HttpStatus.SEE_OTHER);
    }

    private void renderTerms(
            Context ctx,
            Operator operator,
            int status,
            KeyRequest request,
            boolean unlimited,
            String until,
            boolean personalData,
            boolean offer,
            @Nullable String error) {
        Messages t = ConsolePages.messages(ctx);
        LocalDate today = today();
        render(
                ctx,
                status,
                new TermsPage(
                        chrome(ctx, t, operator, "keys.terms.title"),
                        request.requestId(),
                        request.name(),
                        unlimited,
                        until,
                        today.toString(),
                        today.plusYears(KeyRequests.MAX_TERM_YEARS).toString(),
                        personalData,
                        offer,
                        error));
    }

    // ---- step 4: the SMS code --------------------------------------------------------------------------------

    private void codePage(Context ctx, Operator operator) {
        KeyRequest request = ownRequest(ctx, operator);
        if (request.status() == KeyRequest.Status.DONE && request.issued() != null) {
            ctx.redirect(BASE + "/keys/" + request.issued(), HttpStatus.SEE_OTHER);
            return;
        }
        if (request.status() == KeyRequest.Status.DRAFT) {
            ctx.redirect(step(request, "terms"), HttpStatus.SEE_OTHER);
            return;
        }
        Messages t = ConsolePages.messages(ctx);
        String notice = ctx.queryParam("sent") != null ? t.get("keys.code.resent") : null;
        renderCode(ctx, operator, 200, request, request.status() == KeyRequest.Status.VOID, null, notice);
    }

    private void confirm(Context ctx, Operator operator) {
        KeyRequest request = ownRequest(ctx, operator);
        Messages t = ConsolePages.messages(ctx);
        if (request.status() == KeyRequest.Status.VOID) {
            renderCode(ctx, operator, 400, request, true, t.get("keys.code.voided"), null);
            return;
        }
        if (request.status() != KeyRequest.Status.CODE_SENT) {
            codePage(ctx, operator);
            return;
        }
        String code = bounded(ctx.formParam("code"), 32).replaceAll("\\s", "");
        if (!code.matches("[0-9]{" + KeyRequests.CODE_DIGITS + "}")) {
            renderCode(ctx, operator, 400, request, false, t.format("keys.code.format", KeyRequests.CODE_DIGITS), null);
            return;
        }
        Confirmation outcome = requests.confirm(request.requestId(), operator.userId(), code);
        if (outcome instanceof Confirmation.Issued issued) {
            ctx.redirect(BASE + "/keys/" + issued.key().key().clientId() + "?issued", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Confirmation.Wrong wrong) {
            renderCode(ctx, operator, 400, request, false, t.format("keys.code.wrong", wrong.attemptsLeft()), null);
        } else if (outcome instanceof Confirmation.Expired) {
            renderCode(ctx, operator, 400, request, false, t.get("keys.code.expired"), null);
        } else {
            renderCode(ctx, operator, 400, request, true, t.get("keys.code.voided"), null);
        }
    }

    private void resend(Context ctx, Operator operator) {
        KeyRequest request = ownRequest(ctx, operator);
        requests.resend(request.requestId(), operator.userId(), phoneOf(operator));
        ctx.redirect(step(request, "code") + "?sent", HttpStatus.SEE_OTHER);
    }

    private void renderCode(
            Context ctx,
            Operator operator,
            int status,
            KeyRequest request,
            boolean voided,
            @Nullable String error,
            @Nullable String notice) {
        Messages t = ConsolePages.messages(ctx);
        render(
                ctx,
                status,
                new CodePage(
                        chrome(ctx, t, operator, "keys.code.title"),
                        request.requestId(),
                        request.name(),
                        masked(phoneOf(operator)),
                        voided,
                        error,
                        notice));
    }

    // ---- a key: its page, re-issue, revoke -------------------------------------------------------------------

    private void keyPage(Context ctx, Operator operator) {
        ApiKey key = visibleKey(ctx, operator);
        Messages t = ConsolePages.messages(ctx);
        State state = state(key);
        List<String> companies = directory.companies(key.customerCodes()).stream()
                .map(company -> (company.shortName() != null ? company.shortName() : company.fullName()) + " ("
                        + company.customerCode() + ")")
                .toList();
        render(
                ctx,
                200,
                new KeyPage(
                        chrome(ctx, t, operator, "keys.view.title"),
                        key.clientId(),
                        key.name(),
                        createdDate(t, key),
                        state == State.ACTIVE ? keys.token(key) : null,
                        term(t, key),
                        state,
                        KeyAccess.grantedBy(key.permissions()).stream()
                                .map(access -> text(t, access))
                                .toList(),
                        companies,
                        ctx.queryParam("issued") != null));
    }

    private void reissue(Context ctx, Operator operator) {
        ApiKey key = visibleKey(ctx, operator);
        KeyRequest request = requests.startReissue(operator.userId(), key);
        ctx.redirect(step(request, "access"), HttpStatus.SEE_OTHER);
    }

    private void revokePage(Context ctx, Operator operator) {
        ApiKey key = visibleKey(ctx, operator);
        if (key.isRevoked()) {
            ctx.redirect(BASE + "/keys/" + key.clientId(), HttpStatus.SEE_OTHER);
            return;
        }
        Messages t = ConsolePages.messages(ctx);
        render(ctx, 200, new RevokePage(chrome(ctx, t, operator, "keys.revoke.title"), key.clientId(), key.name()));
    }

    private void revoke(Context ctx, Operator operator) {
        ApiKey key = visibleKey(ctx, operator);
        if (!key.isRevoked()) keys.revoke(key.clientId());
        ctx.redirect(BASE + "/keys/" + key.clientId(), HttpStatus.SEE_OTHER);
    }

    // ---- the development phone -------------------------------------------------------------------------------

    private void phonePage(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        String number = phoneOf(operator);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", locale(t));
        List<PhoneMessage> messages = phone.inbox(number).stream()
                .map(message -> new PhoneMessage(time.format(message.sentAt().atZone(BankTime.ZONE)), message.text()))
                .toList();
        render(ctx, 200, new PhonePage(chrome(ctx, t, operator, "phone.title"), number, messages));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The companies a key of this user may be for: theirs (all, for an admin), never the sandbox's. */
    private List<Company> companies(Operator operator) {
        return directory.realCompanies().stream()
                .filter(company -> operator.sees(company.customerCode()))
                .toList();
    }

    /** The user's own request of the path; another user's, or one for companies they no longer see, is not found. */
    private KeyRequest ownRequest(Context ctx, Operator operator) {
        String id = ctx.pathParam("id");
        if (!REQUEST_ID.matcher(id).matches()) throw Rejected.notFound("key request not found");
        KeyRequest request = requests.find(id, operator.userId());
        Set<String> codes = request.customerCodes();
        if (codes != null && !operator.seesAll(codes)) throw Rejected.notFound("key request not found");
        return request;
    }

    /**
     * The user's request, if it may still change; a finished one sends the user on (to its key, or to the void
     * notice) and gives null.
     */
    private @Nullable KeyRequest openRequest(Context ctx, Operator operator) {
        KeyRequest request = ownRequest(ctx, operator);
        if (request.open()) return request;
        if (request.status() == KeyRequest.Status.DONE && request.issued() != null) {
            ctx.redirect(BASE + "/keys/" + request.issued(), HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect(step(request, "code"), HttpStatus.SEE_OTHER);
        }
        return null;
    }

    /** The key of the path, if the user sees all its companies; any other reads as missing. */
    private ApiKey visibleKey(Context ctx, Operator operator) {
        String clientId = ctx.pathParam("clientId");
        if (!CLIENT_ID.matcher(clientId).matches()) throw Rejected.notFound("key not found");
        return keys.find(clientId)
                .filter(key -> operator.seesAll(key.customerCodes()))
                .orElseThrow(() -> Rejected.notFound("key not found"));
    }

    private String phoneOf(Operator operator) {
        return users.find(operator.login())
                .map(ConsoleUser::phone)
                .orElseThrow(() -> Rejected.notFound("user not found"));
    }

    private static String step(KeyRequest request, String step) {
        return BASE + "/requests/" + request.requestId() + "/" + step;
    }

    private State state(ApiKey key) {
        if (key.isRevoked()) return State.REVOKED;
        return key.isExpired(clock.instant()) ? State.EXPIRED : State.ACTIVE;
    }

    private String created(Messages t, ApiKey key) {
        LocalDate day = key.createdAt().atZone(BankTime.ZONE).toLocalDate();
        return day.equals(today()) ? t.get("keys.created.today") : t.format("keys.created.on", longDate(t, day));
    }

    private String createdDate(Messages t, ApiKey key) {
        LocalDate day = key.createdAt().atZone(BankTime.ZONE).toLocalDate();
        return day.equals(today()) ? t.get("keys.today") : longDate(t, day);
    }

    private static String term(Messages t, ApiKey key) {
        Instant expires = key.expiresAt();
        return expires == null
                ? t.get("keys.term.unlimited")
                : t.format("keys.term.until", longDate(t, lastDay(expires)));
    }

    /** The last day a key works: the day before the midnight (Moscow) it expires at. */
    private static LocalDate lastDay(Instant expiresAt) {
        return expiresAt.minusMillis(1).atZone(BankTime.ZONE).toLocalDate();
    }

    private LocalDate today() {
        return clock.instant().atZone(BankTime.ZONE).toLocalDate();
    }

    private static String longDate(Messages t, LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale(t)).format(day);
    }

    private static Locale locale(Messages t) {
        return "en".equals(t.lang()) ? Locale.ENGLISH : Locale.forLanguageTag("ru");
    }

    private static String text(Messages t, KeyAccess access) {
        return t.get("keys.access." + access.name());
    }

    private static @Nullable LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code +79000000000} as {@code +7 900 ***-**-00}: enough to recognise one's phone. */
    private static String masked(String phone) {
        if (phone.length() < 6) return phone;
        return phone.substring(0, 2) + " " + phone.substring(2, 5) + " ***-**-" + phone.substring(phone.length() - 2);
    }

    private static String bounded(@Nullable String value, int max) {
        if (value == null) return "";
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static Chrome chrome(Context ctx, Messages t, Operator operator, String titleKey) {
        return ConsolePages.chrome(ctx, t, operator, Section.INTEGRATIONS, t.get(titleKey), null);
    }

    private static void render(Context ctx, int status, View view) {
        ConsolePages.render(ctx, status, view);
    }
}
