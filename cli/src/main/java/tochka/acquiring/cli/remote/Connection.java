package tochka.acquiring.cli.remote;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.cli.TochkaCli;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.TrustedCertificates;

/**
 * Where an API command sends its calls, and with which token. Each setting is taken from its flag, else from the
 * {@code --profile} file, else from the environment (the names {@code data/demo.env} uses), else the default: the
 * bank's production API. The same commands so work against this server, the bank's sandbox and the bank.
 */
public final class Connection {

    static final String BASE_URL = "TOCHKA_BASE_URL";
    static final String TOKEN = "TOCHKA_TOKEN";
    static final String CUSTOMER_CODE = "TOCHKA_CUSTOMER_CODE";
    static final String CLIENT_ID = "TOCHKA_CLIENT_ID";
    static final String MERCHANT_ID = "TOCHKA_MERCHANT_ID";
    static final String SERVER_URL = "TOCHKA_SERVER_URL";
    static final String ADMIN_TOKEN = "TOCHKA_ADMIN_TOKEN";
    static final String PROFILE = "TOCHKA_PROFILE";
    static final String CA_FILE = "TOCHKA_CA_FILE";

    private static final String BANK_HOST = "enter.tochka.com";
    private static final String SANDBOX_CLIENT_ID = "sandbox";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "the API: this server's (http://localhost:8080/uapi), or production or sandbox for the"
                    + " bank's (env " + BASE_URL + "; default: production, " + TochkaClient.PRODUCTION_URL + ")")
    @Nullable
    String baseUrl;

    @Option(
            names = "--sandbox",
            description = "the bank's sandbox (" + TochkaClient.SANDBOX_URL + ") with its token "
                    + TochkaClient.SANDBOX_TOKEN + ": canned answers, links that cannot be paid")
    boolean sandbox;

    @Option(
            names = "--token",
            paramLabel = "JWT",
            description = "the JWT key (env " + TOKEN + ", which ps does not show: prefer it)")
    @Nullable
    String token;

    @Option(
            names = "--customer-code",
            paramLabel = "CODE",
            description = "the company (env " + CUSTOMER_CODE + "; default: the token's only Business company)")
    @Nullable
    String customerCode;

    @Option(
            names = "--profile",
            paramLabel = "NAME|FILE",
            description = "read the TOCHKA_* settings from FILE (data/demo.env is one) or from"
                    + " ~/.config/tochka/NAME.env (env " + PROFILE + ")")
    @Nullable
    String profile;

    @Option(
            names = "--ca-file",
            paramLabel = "FILE",
            description = "also trust this CA certificate (PEM or DER), beside the JDK's: the bank's enter.tochka.com"
                    + " needs the Russian Trusted Root CA, from https://www.gosuslugi.ru/crt (env " + CA_FILE + ")")
    @Nullable
    String caFile;

    private @Nullable Profile loaded;

    /** What the API is: the bank's or this project's server, and its main API or its sandbox. */
    enum Target {
        BANK,
        BANK_SANDBOX,
        SERVER,
        SERVER_SANDBOX;

        boolean isBank() {
            return this == BANK || this == BANK_SANDBOX;
        }

        boolean isSandbox() {
            return this == BANK_SANDBOX || this == SERVER_SANDBOX;
        }
    }

    /** The API's base URL, as the SDK takes it. */
    URI baseUrl() {
        if (sandbox) {
            if (baseUrl != null) {
                throw new ParameterException(
                        command.commandLine(), "--sandbox is the bank's sandbox: give it or --base-url, not both");
            }
            return URI.create(TochkaClient.SANDBOX_URL);
        }
        String url = setting(baseUrl, BASE_URL);
        if (url == null || url.equalsIgnoreCase("production")) return URI.create(TochkaClient.PRODUCTION_URL);
        if (url.equalsIgnoreCase("sandbox")) return URI.create(TochkaClient.SANDBOX_URL);
        return parseUrl(url, "--base-url (or " + BASE_URL + ")");
    }

    Target target() {
        URI url = baseUrl();
        boolean sandboxPath = url.getPath().endsWith("/sandbox/v2");
        if (BANK_HOST.equalsIgnoreCase(url.getHost())) return sandboxPath ? Target.BANK_SANDBOX : Target.BANK;
        return sandboxPath ? Target.SERVER_SANDBOX : Target.SERVER;
    }

    /** The token: the flag's, the profile's or the environment's; the sandbox's own when the API is a sandbox. */
    @Nullable
    String token() {
        String configured = setting(token, TOKEN);
        if (configured != null) return configured;
        return target().isSandbox() ? TochkaClient.SANDBOX_TOKEN : null;
    }

    /** The company given by flag, profile or environment; null when none is. */
    @Nullable
    String configuredCustomerCode() {
        return setting(customerCode, CUSTOMER_CODE);
    }

    /**
     * The company to act for: the one given, else the token's only {@code Business} company (as the guide picks it
     * from the list); refused with the choices when the token has several.
     */
    String customerCode(TochkaClient client) {
        String configured = configuredCustomerCode();
        if (configured != null) return configured;
        List<Customer> business = client.customers().list().stream()
                .filter(customer -> customer.customerType() == CustomerType.Business)
                .toList();
        if (business.size() == 1) return business.get(0).customerCode();
        if (business.isEmpty()) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    "the token has no Business company: internet acquiring is for companies; see `tochka customers`");
        }
        throw new CliFailure(
                ExitCodes.REJECTED,
                "the token acts for " + business.size() + " companies ("
                        + String.join(
                                ", ",
                                business.stream().map(Customer::customerCode).toList())
                        + "): choose one with --customer-code or " + CUSTOMER_CODE);
    }

    /** The retailer ({@code TOCHKA_MERCHANT_ID} of the profile or environment); null when none is set. */
    @Nullable
    String merchantId() {
        return environmentOrProfile(MERCHANT_ID);
    }

    /**
     * The key's client_id, which names its webhook: given, else {@code sandbox} for the sandbox token, else read from
     * the JWT key's {@code iss}.
     */
    String clientId() {
        return knownClientId()
                .orElseThrow(() -> new CliFailure(
                        ExitCodes.REJECTED,
                        "the key's client_id is unknown: the token is not a JWT key; set " + CLIENT_ID
                                + " (shown beside the key in «Интеграции и API»)"));
    }

    /** The key's client_id as {@link #clientId()} finds it; empty when the token names none. */
    Optional<String> knownClientId() {
        String configured = environmentOrProfile(CLIENT_ID);
        if (configured != null) return Optional.of(configured);
        // The sandbox token is no JWT and names no key: this server files the sandbox's webhook under "sandbox".
        if (TochkaClient.SANDBOX_TOKEN.equals(token())) return Optional.of(SANDBOX_CLIENT_ID);
        return TokenClaims.of(token()).map(TokenClaims::clientId);
    }

    /**
     * The root of this project's server, for its test-control API: {@code TOCHKA_SERVER_URL}, else the base URL
     * without {@code /uapi} or {@code /sandbox/v2}. The bank has no such API: refused there, saying so.
     */
    URI serverRoot(String what) {
        if (target().isBank()) {
            throw new CliFailure(
                    ExitCodes.REJECTED,
                    what + " works only against this project's server (tochka serve): the bank has no test-control"
                            + " API. On the bank, open the payment link and pay it, in its sandbox links cannot be"
                            + " paid at all");
        }
        String configured = environmentOrProfile(SERVER_URL);
        if (configured != null) return parseUrl(configured, SERVER_URL);
        String url = baseUrl().toString().replaceAll("/+$", "");
        for (String suffix : List.of("/uapi", "/sandbox/v2")) {
            if (url.endsWith(suffix)) return URI.create(url.substring(0, url.length() - suffix.length()));
        }
        return URI.create(url);
    }

    /** The admin token of this project's server ({@code TOCHKA_ADMIN_TOKEN}), which its test-control API needs. */
    String adminToken() {
        String configured = environmentOrProfile(ADMIN_TOKEN);
        if (configured == null) {
            throw new CliFailure(
                    ExitCodes.AUTH,
                    "the test-control API needs the server's admin token: set " + ADMIN_TOKEN
                            + " (tochka serve writes it to data/demo.env: set -a; . data/demo.env; set +a)");
        }
        return configured;
    }

    /** A client for this connection; refused with what to do when there is no token. */
    TochkaClient client() {
        String bearer = token();
        if (bearer == null) {
            throw new CliFailure(ExitCodes.AUTH, missingToken());
        }
        TochkaClient.Builder builder = TochkaClient.builder().baseUrl(baseUrl()).token(bearer);
        String certificate = setting(caFile, CA_FILE);
        if (certificate != null) builder.sslContext(trusting(certificate));
        String company = configuredCustomerCode();
        if (company != null) builder.customerCode(company);
        return builder.build();
    }

    private static SSLContext trusting(String certificate) {
        Path file = Path.of(certificate);
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(ExitCodes.REJECTED, "--ca-file " + certificate + ": no such file");
        }
        try {
            return TrustedCertificates.withExtra(file);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(
                    ExitCodes.REJECTED, "--ca-file " + certificate + ": not a certificate: " + e.getMessage(), e);
        }
    }

    private String missingToken() {
        return switch (target()) {
            case SERVER, SERVER_SANDBOX ->
                "no token: set " + TOKEN + " (tochka serve writes the demo key to"
                        + " data/demo.env: set -a; . data/demo.env; set +a), pass --profile data/demo.env, or issue a key"
                        + " with tochka keys create";
            default ->
                "no token: set " + TOKEN + " to a JWT key from the internet bank («Интеграции и API» →"
                        + " «Подключить» → JWT-ключ), or try the bank's sandbox with --sandbox";
        };
    }

    private @Nullable String setting(@Nullable String flag, String variable) {
        if (present(flag)) return flag;
        return environmentOrProfile(variable);
    }

    /** The setting {@code variable} ({@code TOCHKA_...}) of the profile, else of the environment; null when unset. */
    @Nullable
    String environmentOrProfile(String variable) {
        Profile chosen = profile();
        if (chosen != null && present(chosen.values().get(variable)))
            return chosen.values().get(variable);
        String value = environment().get(variable);
        return present(value) ? value : null;
    }

    private @Nullable Profile profile() {
        if (loaded == null) {
            String name = present(profile) ? profile : environment().get(PROFILE);
            if (name != null && !name.isBlank()) loaded = Profile.load(name, environment());
        }
        return loaded;
    }

    private Map<String, String> environment() {
        return ((TochkaCli) command.root().userObject()).environment();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static URI parseUrl(String url, String where) {
        return Inputs.httpUrl(
                where, url.strip().replaceAll("/+$", ""), "http://localhost:8080/uapi, production or sandbox");
    }

    /**
     * Where a setting comes from, for {@code doctor}: {@code flagName} when {@code flag} was given, else the profile
     * file, else the environment variable {@code variable}, else the default.
     */
    String origin(@Nullable String flag, String flagName, String variable) {
        if (present(flag)) return "flag " + flagName;
        Profile chosen = profile();
        if (chosen != null && present(chosen.values().get(variable))) return "the profile";
        if (present(environment().get(variable))) return "environment " + variable;
        return "default";
    }

    /** For tests and {@code doctor}: the profile chosen, if any. */
    Optional<Path> profileFile() {
        return Optional.ofNullable(profile()).map(Profile::file);
    }
}
