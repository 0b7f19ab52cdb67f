package tochka.acquiring.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.directory.DemoData;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.server.testing.DatabaseSnapshot;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.PageClient.Page;
import tochka.acquiring.testkit.ApiClient;
import tochka.acquiring.testkit.ApiResponse;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * After a session that pays by card on the checkout page (approved, 3-D Secure, declined) with known full numbers
 * and a CVC, and that uses every kind of token (the demo key, an issued key, the admin token, tampered and revoked
 * keys, webhooks), no full card number, no CVC next to its name, and no token is in the database (every table's
 * text, and on SQLite the raw bytes of the database, WAL and every file of the data directory), in any log line
 * (at DEBUG, with key-values and stack traces) or in any answer the session received.
 */
class LeakIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final List<String> CARDS = List.of("4111111111111111", "4000000000003220", "4000000000009995");
    private static final String CVC = "737";
    private static final Pattern CVC_IN_CONTEXT = Pattern.compile("(?i)(cvc|cvv|cvc2|security.?code)\\W{0,6}" + CVC);
    private static final List<String> VERBOSE = List.of(
            "tochka.acquiring.server.http.RequestLog",
            "tochka.acquiring.server.http.ErrorMapper",
            "tochka.acquiring.server");

    private final TestServer server = running.get();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<Logger, Level> levels = new LinkedHashMap<>();
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void capture_every_log_line() {
        logs.start();
        root().addAppender(logs);
        for (String name : VERBOSE) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void stop_capturing() {
        root().detachAppender(logs);
        levels.forEach(Logger::setLevel);
    }

    @Test
    void no_card_number_cvc_or_token_is_stored_logged_or_answered() throws Exception {
        IssuedKey issued = server.application()
                .keys()
                .issue("leak", Set.copyOf(Permission.ACQUIRING), Set.of(DemoData.BUSINESS_CODE), null, false);
        IssuedKey revoked = server.application()
                .keys()
                .issue("leak revoked", Set.copyOf(Permission.ACQUIRING), Set.of(DemoData.BUSINESS_CODE), null, false);
        server.application().keys().revoke(revoked.key().clientId());
        List<String> tokens = List.of(
                server.info().demoToken(),
                issued.token(),
                revoked.token(),
                server.info().adminToken());

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ApiClient api = server.api(issued.token());
            keep(api.send("PUT", "/webhook/v1.0/" + issued.key().clientId(), """
                    {"webhooksList": ["acquiringInternetPayment"], "url": "%s"}""".formatted(receiver.url())));
            PageClient browser = new PageClient(server.info().publicUrl());
            for (String card : CARDS) {
                String operationId = keep(api.post("/acquiring/v1.0/payments", """
                        {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["card"]}}""".formatted(DemoData.BUSINESS_CODE)))
                        .data()
                        .get("operationId")
                        .asText();
                Page form = keep(browser.get("/order/card?uuid=" + operationId));
                Page paid = keep(browser.post(
                        "/order/card?uuid=" + operationId,
                        "csrf",
                        form.csrf(),
                        "number",
                        spaced(card),
                        "month",
                        "12",
                        "year",
                        "30",
                        "cvc",
                        CVC,
                        "email",
                        "buyer@example.com"));
                if (paid.location().startsWith("/order/3ds")) {
                    Page challenge = keep(browser.get(paid.location()));
                    keep(browser.post(paid.location(), "csrf", challenge.csrf(), "code", "1234"));
                }
                keep(api.get("/acquiring/v1.0/payments/" + operationId));
                keep(api.post("/acquiring/v1.0/payments/" + operationId + "/refund", "{\"Data\": {\"amount\": 1}}"));
            }
            receiver.next(Duration.ofSeconds(10));

            // Every token where it belongs, and bent.
            keep(server.api().get("/acquiring/v1.0/payments?customerCode=" + DemoData.BUSINESS_CODE));
            keep(server.api(revoked.token()).get("/open-banking/v1.0/customers"));
            keep(server.api(issued.token() + "x").get("/open-banking/v1.0/customers"));
            keep(server.api(issued.token().substring(0, 40)).get("/open-banking/v1.0/customers"));
            keep(server.sandbox().withAuthorization("Bearer " + issued.token()).get("/open-banking/v1.0/customers"));
            keep(server.admin().get("/admin/v1/webhooks/deliveries"));
            keep(server.admin()
                    .withAuthorization("Bearer " + server.info().adminToken() + "x")
                    .get("/admin/v1/webhooks/deliveries"));
            keep(server.admin().withAuthorization("Bearer " + issued.token()).get("/admin/v1/webhooks/deliveries"));
            keep(server.api(server.info().adminToken()).get("/open-banking/v1.0/customers"));
        }

        Map<String, String> places = new LinkedHashMap<>();
        places.put("the database", storedText());
        places.put("the logs", loggedText());
        places.put("the answers", String.join("\n", answers));
        assertThat(places.get("the logs"))
                .as("the card payments were logged, masked")
                .contains("411111******1111");
        List<String> leaks = new ArrayList<>();
        places.forEach((place, text) -> {
            for (String card : CARDS) {
                if (text.contains(card) || text.contains(spaced(card))) leaks.add("card " + card + " in " + place);
            }
            if (CVC_IN_CONTEXT.matcher(text).find()) leaks.add("the CVC in " + place);
            for (String token : tokens) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                String probe = signature.length() >= 40 ? signature.substring(0, 40) : token;
                if (text.contains(token) || text.contains(probe)) {
                    leaks.add("a token (" + token.substring(0, 12) + "...) in " + place);
                }
            }
        });
        assertThat(leaks).as("secrets found").isEmpty();
    }

    /**
     * A caller who puts a key where an id or a query value goes (a common slip) must not find it in the server's
     * log: today the request line logs the path and the error reason echoes the value.
     */
    @Test
    void a_token_sent_in_the_wrong_place_is_not_logged() {
        String token = server.info().demoToken();
        keep(server.api().get("/acquiring/v1.0/payments/" + token));
        keep(server.api().get("/acquiring/v1.0/payments?customerCode=" + token));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(loggedText()).doesNotContain(signature.substring(0, 40));
    }

    private ApiResponse keep(ApiResponse response) {
        answers.add(response.body());
        return response;
    }

    private Page keep(Page page) {
        answers.add(page.body() + "\n" + page.location() + "\n"
                + page.response().headers().map());
        return page;
    }

    private String loggedText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            text.append(event.getFormattedMessage()).append(' ');
            if (event.getKeyValuePairs() != null)
                text.append(event.getKeyValuePairs()).append(' ');
            text.append(event.getMDCPropertyMap()).append('\n');
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append(thrown.getClassName())
                        .append(": ")
                        .append(thrown.getMessage())
                        .append('\n');
            }
        }
        return text.toString();
    }

    /** Every table's text, and on SQLite the raw bytes of every file in the data directory (free pages, WAL). */
    private String storedText() throws Exception {
        StringBuilder text = new StringBuilder(
                DatabaseSnapshot.text(server.application().database().transactions()));
        if (!TestDatabases.postgres()) {
            try (Stream<Path> files = Files.walk(server.dataDir())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return text.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String spaced(String card) {
        return card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
