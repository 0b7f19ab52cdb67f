package tochka.acquiring.cli.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tochka.acquiring.api.Consent;
import tochka.acquiring.api.ConsentStatus;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.Retailer;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.cli.remote.Connection.Target;
import tochka.acquiring.cli.remote.Output.Colour;
import tochka.acquiring.client.NetworkException;
import tochka.acquiring.client.NotFoundException;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.TochkaException;

/**
 * {@code tochka doctor}: checks the connection's settings, the server, the token (accepted, its permissions, its
 * expiry), the company, the clock and the webhook, and says in words what is wrong and what to do. Each check is one
 * method that reports rather than throws, so one failure never hides the others.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check the connection and say what is wrong: the settings and where each came from, the server, the token"
                    + " (accepted, its permissions, its expiry), the company and its retailer, the clock skew, the"
                    + " webhook subscription.",
            "One line per check: ok, warn or fail. Exit 1 if any check fails, 0 otherwise."
        },
        footer = {"%nExample:", "  tochka doctor --profile data/demo.env", "  tochka doctor --json"})
public final class DoctorCommand implements Callable<Integer> {

    /** The permissions internet acquiring's calls need, one for each kind of call. */
    static final Set<Permission> ACQUIRING = EnumSet.of(
            Permission.ReadCustomerData,
            Permission.ReadAcquiringData,
            Permission.MakeAcquiringOperation,
            Permission.ManageWebhookData);

    private static final Duration SOON = Duration.ofDays(7);
    private static final Duration SKEW_WARN = Duration.ofSeconds(5);
    private static final Duration SKEW_FAIL = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    @Mixin
    Connection connection;

    @Mixin
    Output output;

    /** The outcome of one check. */
    enum Status {
        OK,
        WARN,
        FAIL;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One check's outcome: its name, its status and what it found, in words. */
    record Check(String check, Status status, String detail) {

        static Check ok(String check, String detail) {
            return new Check(check, Status.OK, detail);
        }

        static Check warn(String check, String detail) {
            return new Check(check, Status.WARN, detail);
        }

        static Check fail(String check, String detail) {
            return new Check(check, Status.FAIL, detail);
        }
    }

    // What the checks learn and the later ones build on; null until (or unless) an earlier check found it.
    private @Nullable TochkaClient client;
    private @Nullable Target target;
    private @Nullable String unchecked;
    private @Nullable List<Customer> customers;
    private @Nullable TochkaException refused;
    private @Nullable List<Consent> consents;

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        checks.add(guarded("settings", this::settings));
        checks.add(guarded("connection", this::connectionCheck));
        checks.add(guarded("token", this::tokenCheck));
        checks.add(guarded("permissions", this::permissions));
        checks.add(guarded("expiry", this::expiry));
        checks.add(guarded("company", this::company));
        checks.add(guarded("clock", this::clock));
        checks.add(guarded("webhook", this::webhook));
        print(checks);
        return checks.stream().anyMatch(check -> check.status() == Status.FAIL) ? ExitCodes.CHECK_FAILED : 0;
    }

    /** Runs {@code check}; whatever it throws becomes its failure, in words. */
    private Check guarded(String name, Supplier<Check> check) {
        try {
            return check.get();
        } catch (CliFailure e) {
            return Check.fail(name, oneLine(e.getMessage()));
        } catch (TochkaException e) {
            Target where = target == null ? Target.BANK : target;
            return Check.fail(name, oneLine(Failures.explain(e, null, where).getMessage()));
        } catch (RuntimeException e) {
            return Check.fail(name, "could not check: " + oneLine(String.valueOf(e)));
        }
    }

    /** Which API, with which token and company, and where each setting came from. */
    private Check settings() {
        target = connection.target();
        String url = connection.baseUrl().toString();
        String what = switch (target) {
            case BANK -> "the bank";
            case BANK_SANDBOX -> "the bank's sandbox";
            case SERVER -> "this project's server";
            case SERVER_SANDBOX -> "this project's server's sandbox";
        };
        String urlOrigin = connection.sandbox
                ? "flag --sandbox"
                : connection.origin(connection.baseUrl, "--base-url", Connection.BASE_URL);
        StringBuilder detail = new StringBuilder(what + " " + url + " from " + urlOrigin);
        String token = connection.token();
        String tokenOrigin = connection.origin(connection.token, "--token", Connection.TOKEN);
        detail.append("; token ")
                .append(TokenClaims.mask(token))
                .append(token == null ? "" : " from " + (tokenOrigin.equals("default") ? "the sandbox" : tokenOrigin));
        String company = connection.configuredCustomerCode();
        detail.append("; customerCode ")
                .append(
                        company == null
                                ? "not set (the token's only Business company)"
                                : company + " from "
                                        + connection.origin(
                                                connection.customerCode, "--customer-code", Connection.CUSTOMER_CODE));
        connection
                .profileFile()
                .ifPresent(file -> detail.append("; the profile is ").append(file));
        try {
            client = connection.client();
        } catch (CliFailure e) {
            unchecked = "not checked: no token";
            return Check.fail("settings", detail + ". " + oneLine(e.getMessage()));
        }
        return Check.ok("settings", detail.toString());
    }

    /** One call (the companies): does the server answer? */
    private Check connectionCheck() {
        TochkaClient api = client;
        if (api == null) return Check.warn("connection", String.valueOf(unchecked));
        try {
            customers = api.customers().list();
            return Check.ok("connection", connection.baseUrl() + " answered");
        } catch (NetworkException e) {
            unchecked = "not checked: the server could not be reached";
            client = null;
            throw e;
        } catch (TochkaException e) {
            refused = e;
            return Check.ok("connection", connection.baseUrl() + " answered (HTTP " + e.httpStatus() + ")");
        }
    }

    /** Whether the API accepted the token for that call. */
    private Check tokenCheck() {
        List<Customer> listed = customers;
        if (listed != null) {
            return Check.ok(
                    "token", "accepted: it acts for " + listed.size() + " compan" + (listed.size() == 1 ? "y" : "ies"));
        }
        TochkaException refusal = refused;
        if (refusal == null) return Check.warn("token", String.valueOf(unchecked));
        unchecked = "not checked: the token was refused";
        client = null;
        return Check.fail(
                "token",
                "refused: "
                        + oneLine(Failures.explain(refusal, Permission.ReadCustomerData, target())
                                .getMessage()));
    }

    /** The token's consents hold the four permissions acquiring needs. */
    private Check permissions() {
        TochkaClient api = client;
        if (api == null) return Check.warn("permissions", String.valueOf(unchecked));
        List<Consent> listed;
        try {
            listed = api.consents().list();
        } catch (TochkaException e) {
            if (target().isSandbox()) {
                return Check.warn("permissions", "the sandbox does not list consents (its token may call everything)");
            }
            throw e;
        }
        consents = listed;
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Consent consent : listed) {
            if (consent.status() == ConsentStatus.Authorised) granted.addAll(consent.permissions());
        }
        Set<Permission> missing = EnumSet.copyOf(ACQUIRING);
        missing.removeAll(granted);
        if (missing.isEmpty()) {
            return Check.ok("permissions", "the token has " + names(ACQUIRING));
        }
        String where = target().isBank()
                ? "in the internet bank («Интеграции и API»)"
                : "in the console (Integrations" + " and API) or with tochka keys create";
        return Check.fail(
                "permissions",
                "the token lacks " + names(missing) + ": issue a key with " + names(missing) + " " + where);
    }

    /** The JWT's {@code exp} and the consents' expirationDateTime: past is a failure, within a week a warning. */
    private Check expiry() {
        String token = connection.token();
        if (token == null) return Check.warn("expiry", String.valueOf(unchecked));
        Instant now = Instant.now();
        List<String> found = new ArrayList<>();
        Status status = Status.OK;
        Optional<TokenClaims> claims = TokenClaims.of(token);
        Instant keyExpiry = claims.map(TokenClaims::expiresAt).orElse(null);
        if (claims.isEmpty()) {
            found.add("the token is not a JWT: its expiry is unknown");
        } else if (keyExpiry == null) {
            found.add("the key never expires");
        } else {
            status = worse(status, expiryStatus(keyExpiry, now));
            found.add((keyExpiry.isAfter(now) ? "the key expires " : "the key expired ")
                    + keyExpiry
                    + (keyExpiry.isAfter(now) ? " (in " + days(Duration.between(now, keyExpiry)) + ")" : ""));
        }
        List<Consent> listed = consents;
        if (listed != null) {
            Instant consentExpiry = null;
            for (Consent consent : listed) {
                Instant expires = parse(consent.expirationDateTime());
                if (consent.status() == ConsentStatus.Authorised
                        && expires != null
                        && (consentExpiry == null || expires.isBefore(consentExpiry))) {
                    consentExpiry = expires;
                }
            }
            if (consentExpiry == null) {
                found.add("its consents never expire");
            } else {
                status = worse(status, expiryStatus(consentExpiry, now));
                found.add((consentExpiry.isAfter(now) ? "a consent expires " : "a consent expired ") + consentExpiry);
            }
        }
        String detail = String.join("; ", found);
        if (status != Status.OK) {
            detail += target().isBank()
                    ? ": issue a new key in the internet bank («Интеграции и API»)"
                    : ": issue a new key in the console or with tochka keys create";
        }
        return new Check("expiry", status, detail);
    }

    /** The company: its customerCode resolves, it is Business, it has an active retailer. */
    private Check company() {
        TochkaClient api = client;
        if (api == null) return Check.warn("company", String.valueOf(unchecked));
        String code = connection.customerCode(api);
        Customer customer = api.customers().get(code);
        if (customer.customerType() != CustomerType.Business) {
            return Check.fail(
                    "company",
                    code + " is a " + customer.customerType() + " customer: payment links need a Business one (see"
                            + " tochka customers; set --customer-code or " + Connection.CUSTOMER_CODE + ")");
        }
        String name = customer.shortName() != null ? customer.shortName() : customer.fullName();
        List<Retailer> retailers = api.customers().retailers(code);
        Optional<Retailer> active = retailers.stream()
                .filter(retailer -> retailer.isActive() && retailer.status() == RetailerStatus.REG)
                .findFirst();
        if (active.isEmpty()) {
            return Check.fail(
                    "company",
                    code + " (" + name + ") has no active retailer (status REG, isActive): it cannot take payments"
                            + " until acquiring is connected in the internet bank");
        }
        return Check.ok(
                "company",
                code + " (" + name + "), Business, retailer " + active.get().merchantId() + " active"
                        + (retailers.size() > 1 ? " (" + retailers.size() + " retailers)" : ""));
    }

    /** The server's {@code Date} against this machine's clock: webhooks' JWTs and keys' expiry depend on both. */
    private Check clock() {
        URI url = connection.baseUrl();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(PROBE_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(PROBE_TIMEOUT).GET().build();
        long before = System.currentTimeMillis();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return Check.warn("clock", "not checked: " + url + " did not answer (" + oneLine(String.valueOf(e)) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.warn("clock", "not checked: interrupted");
        }
        long after = System.currentTimeMillis();
        Optional<String> date = response.headers().firstValue("Date");
        if (date.isEmpty()) return Check.warn("clock", "not checked: the server's answer has no Date header");
        Instant server;
        try {
            server = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Check.warn("clock", "not checked: the server's Date header '" + date.get() + "' is not a date");
        }
        // The Date header has whole seconds: compare it with the middle of the request, so the round trip adds no skew.
        Instant local = Instant.ofEpochMilli(before + (after - before) / 2);
        Duration skew = Duration.between(local, server).abs();
        String detail = "this machine's clock and the server's differ by " + skew.toSeconds() + " s";
        if (skew.compareTo(SKEW_FAIL) > 0) {
            return Check.fail(
                    "clock",
                    detail + ": set the clock right (NTP); webhooks' JWTs and keys' expiry are"
                            + " checked against it");
        }
        if (skew.compareTo(SKEW_WARN) > 0) {
            return Check.warn("clock", detail + ": consider syncing the clock (NTP)");
        }
        return Check.ok("clock", detail);
    }

    /** The key's webhook: set, and (on this project's server) whether its URL answers. */
    private Check webhook() {
        TochkaClient api = client;
        if (api == null) return Check.warn("webhook", String.valueOf(unchecked));
        String clientId;
        try {
            clientId = connection.clientId();
        } catch (CliFailure e) {
            return Check.warn("webhook", "not checked: " + oneLine(e.getMessage()));
        }
        Webhook webhook;
        try {
            webhook = api.webhooks().get(clientId);
        } catch (NotFoundException e) {
            return Check.warn("webhook", "no webhook: the shop will not hear about payments; tochka webhooks set URL");
        } catch (TochkaException e) {
            if (target().isSandbox()) return Check.warn("webhook", "the sandbox does not keep webhooks");
            throw e;
        }
        String detail = webhook.url() + " for " + webhook.webhooksList();
        if (target() != Target.SERVER) return Check.ok("webhook", detail);
        String answer = probe(webhook.url());
        if (answer != null) {
            return Check.warn(
                    "webhook",
                    detail + ", but it does not answer (" + answer + "): is the receiver running? (tochka listen"
                            + " --forward-to URL receives them for you)");
        }
        return Check.ok("webhook", detail + ", which answers");
    }

    /** Null when {@code url} answers HTTP at all, else why not. */
    private static @Nullable String probe(String url) {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(PROBE_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(PROBE_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return oneLine(String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void print(List<Check> checks) {
        if (output.json()) {
            List<Map<String, String>> json = new ArrayList<>();
            for (Check check : checks) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("check", check.check());
                entry.put("status", check.status().word());
                entry.put("detail", check.detail());
                json.add(entry);
            }
            output.printJson(json);
            return;
        }
        for (Check check : checks) {
            String word = String.format("%-4s", check.status().word());
            output.out()
                    .println(output.colour(word, colour(check.status())) + " " + String.format("%-11s", check.check())
                            + " " + check.detail());
        }
        output.out().flush();
    }

    private static Colour colour(Status status) {
        return switch (status) {
            case OK -> Colour.GOOD;
            case WARN -> Colour.WAITING;
            case FAIL -> Colour.BAD;
        };
    }

    private Target target() {
        return target == null ? connection.target() : target;
    }

    private static Status expiryStatus(Instant expiry, Instant now) {
        if (!expiry.isAfter(now)) return Status.FAIL;
        return Duration.between(now, expiry).compareTo(SOON) <= 0 ? Status.WARN : Status.OK;
    }

    private static Status worse(Status a, Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static @Nullable Instant parse(@Nullable String dateTime) {
        if (dateTime == null || dateTime.isBlank()) return null;
        try {
            return OffsetDateTime.parse(dateTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String days(Duration left) {
        long days = left.toDays();
        return days >= 1 ? days + " days" : left.toHours() + " hours";
    }

    private static String names(Set<Permission> permissions) {
        return String.join(", ", permissions.stream().map(Permission::name).toList());
    }

    private static String oneLine(@Nullable String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
