package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.PageClient.Page;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/** After card payments of every outcome, neither the database nor the logs hold a full card number or a CVC. */
class CardDataIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final List<String> CARDS =
            List.of("4111111111111111", "4000000000009995", "4000000000003220", "4000000000009979", "4111111111111112");
    private static final String CVC = "987";

    private final TestServer server = running.get();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void capture_logs() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop_capturing() {
        root().detachAppender(logs);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void no_full_card_number_or_cvc_is_stored_or_logged() throws Exception {
        PageClient browser = new PageClient(server.info().publicUrl());
        List<String> pages = new ArrayList<>();
        for (String card : CARDS) {
            String operationId = server.api()
                    .post("/acquiring/v1.0/payments", """
                    {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["card"]}}
                    """.formatted(
                                    server.info().customerCode()))
                    .expectStatus(200)
                    .data()
                    .get("operationId")
                    .asText();
            String csrf = browser.get("/order/card?uuid=" + operationId).csrf();
            Page paid = browser.post(
                    "/order/card?uuid=" + operationId,
                    "csrf",
                    csrf,
                    "number",
                    spaced(card),
                    "month",
                    "12",
                    "year",
                    "30",
                    "cvc",
                    CVC,
                    "email",
                    "buyer@example.com");
            pages.add(paid.body() + paid.location());
            if (paid.location().startsWith("/order/3ds")) {
                Page challenge = browser.get(paid.location());
                pages.add(challenge.body());
                pages.add(browser.post(paid.location(), "csrf", challenge.csrf(), "code", "1234")
                        .body());
            }
        }

        String stored = storedText();
        String logged = String.join(
                "\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(logged).as("the masked number is what the log keeps").contains("411111******1111");
        assertThat(stored).as("the masked number is what the database keeps").contains("411111******1111");
        for (String card : CARDS) {
            for (String haystack : List.of(stored, logged, String.join("\n", pages))) {
                assertThat(haystack).doesNotContain(card).doesNotContain(spaced(card));
            }
        }
        // A column holding the CVC reads "=987," or "=987}" in the dump; a random id that merely starts with the same
        // digits ("payment_id=987E65...") is not one.
        assertThat(stored).doesNotContain("\"" + CVC + "\"").doesNotContainPattern("=" + CVC + "[,}]");
    }

    /** Every row of every table as text, and on SQLite also the raw database and WAL files (free pages too). */
    private String storedText() throws Exception {
        StringBuilder text = new StringBuilder();
        var jdbi = server.application().database().transactions();
        List<String> tables = jdbi.withHandle(handle -> handle.createQuery(
                        TestDatabases.postgres()
                                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                : "SELECT name FROM sqlite_master WHERE type = 'table'")
                .mapTo(String.class)
                .list());
        for (String table : tables) {
            jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM " + table)
                            .mapToMap()
                            .list())
                    .forEach(row -> text.append(row).append('\n'));
        }
        if (!TestDatabases.postgres()) {
            try (Stream<Path> files = Files.list(server.dataDir())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return text.toString();
    }

    private static String spaced(String card) {
        return card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
