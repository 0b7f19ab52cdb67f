package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.testkit.TestServer;

/** {@code tochka clock advance}: the real server's clock moves, and links whose ttl runs out expire. */
class ClockCommandIT {

    private static TestServer server;
    private static Cli cli;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        cli = Cli.against(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String link(int ttlMinutes) {
        return server.link("\"amount\": 10, \"purpose\": \"p\", \"paymentMode\": [\"card\"], \"ttl\": " + ttlMinutes);
    }

    private static String status(String operationId) {
        return server.status(operationId);
    }

    @Test
    void advancing_past_a_links_ttl_expires_it_and_prints_the_servers_new_time() {
        String hour = link(60);
        String day = link(24 * 60 + 30);

        JsonNode before = cli.run("clock", "advance", "90m", "--json").ok().json();
        assertThat(status(hour)).isEqualTo("EXPIRED");
        assertThat(status(day)).isEqualTo("CREATED");

        Cli.Run run = cli.run("clock", "advance", "1d").ok();
        assertThat(run.out()).startsWith("the server's time is now ");
        assertThat(status(day)).isEqualTo("EXPIRED");

        JsonNode after = cli.run("clock", "advance", "2h", "--json").ok().json();
        assertThat(Duration.between(
                        OffsetDateTime.parse(before.get("now").asText()),
                        OffsetDateTime.parse(after.get("now").asText())))
                .isGreaterThanOrEqualTo(Duration.ofHours(26));
        assertThat(after.size()).isEqualTo(1);
    }

    @Test
    void a_week_is_written_7d() {
        String week = link(7 * 24 * 60);
        cli.run("clock", "advance", "7d").ok();
        assertThat(status(week)).isEqualTo("EXPIRED");
    }

    @Test
    void only_whole_minutes_within_ten_years_are_accepted() {
        assertThat(cli.run("clock", "advance", "90s").failed(ExitCodes.USAGE).err())
                .contains("whole minutes");
        assertThat(cli.run("clock", "advance", "3661d").failed(ExitCodes.USAGE).err())
                .contains("at most 3660d");
        assertThat(cli.run("clock", "advance", "soon").failed(ExitCodes.USAGE).err())
                .contains("not a duration like");
        cli.run("clock").failed(ExitCodes.USAGE);
    }

    @Test
    void the_bank_is_refused_and_a_wrong_admin_token_is_an_auth_failure() {
        assertThat(Cli.bare()
                        .run("clock", "advance", "1h", "--sandbox")
                        .failed(ExitCodes.REJECTED)
                        .err())
                .contains("bank has no test-control");
        cli.with("TOCHKA_ADMIN_TOKEN", "wrong").run("clock", "advance", "1m").failed(ExitCodes.AUTH);
    }
}
