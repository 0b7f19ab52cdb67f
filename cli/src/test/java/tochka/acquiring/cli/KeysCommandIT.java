package tochka.acquiring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.keys.Keys;

/**
 * {@code tochka keys} on a data directory, and the keys it prints used against a server on that directory: an IT,
 * since it writes a database and calls a server over a socket.
 */
class KeysCommandIT {

    @TempDir
    Path data;

    private record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TochkaCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String field(String output, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\s+(\\S+)$").matcher(output);
        assertThat(matcher.find()).as("%s in %s", name, output).isTrue();
        return matcher.group(1);
    }

    private int status(Application server, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(server.info().apiUrl() + "/open-banking/v1.0/customers"))
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void created_keys_work_until_they_are_revoked() throws Exception {
        Run created = run(
                "keys",
                "create",
                "--data",
                data.toString(),
                "--init",
                "--name",
                "Эквайринг",
                "--permissions",
                "ReadCustomerData,ReadAcquiringData",
                "--customer",
                "300000092");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String clientId = field(created.out(), "client_id");
        String token = field(created.out(), "token");

        Run listed = run("keys", "list", "--data", data.toString());
        assertThat(listed.out()).contains(clientId).contains("Эквайринг").contains("active");
        assertThat(listed.out()).as("tokens are never listed").doesNotContain(token);

        Run reprinted = run("keys", "token", "--data", data.toString(), clientId);
        assertThat(reprinted.out().trim())
                .as("keys token prints the same token again")
                .isEqualTo(token);

        try (Application server = Application.builder()
                .config(Config.forTests(data, null))
                .clock(Clock.systemUTC())
                .build()
                .start()) {
            assertThat(status(server, token)).isEqualTo(200);

            Run revoked = run("keys", "revoke", "--data", data.toString(), clientId);
            assertThat(revoked.exitCode()).isZero();

            // Revoked by another process, as by another node: the server reads the key again within a second.
            long deadline =
                    System.nanoTime() + Keys.KEY_FRESHNESS.multipliedBy(5).toNanos();
            int status;
            while ((status = status(server, token)) == 200 && System.nanoTime() < deadline) Thread.onSpinWait();
            assertThat(status).isEqualTo(403);
        }
        assertThat(run("keys", "list", "--data", data.toString()).out()).contains("revoked");
    }

    @Test
    void no_key_can_be_made_for_the_sandboxs_companies() {
        Run refused =
                run("keys", "create", "--data", data.toString(), "--init", "--name", "x", "--customer", "1234567ab");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("belongs to the sandbox");

        Run defaults = run("keys", "create", "--data", data.toString(), "--name", "y");
        assertThat(field(defaults.out(), "customers")).isEqualTo("300000092,300000093");
    }

    @Test
    void bad_arguments_are_refused_with_a_message_and_an_exit_code() {
        Run unknownCompany =
                run("keys", "create", "--data", data.toString(), "--init", "--name", "x", "--customer", "399999999");
        assertThat(unknownCompany.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(unknownCompany.err()).contains("399999999");

        Run badPermission = run("keys", "create", "--data", data.toString(), "--name", "x", "--permissions", "Fly");
        assertThat(badPermission.exitCode()).isEqualTo(2);
        assertThat(badPermission.err()).contains("Fly");

        Run past = run("keys", "create", "--data", data.toString(), "--name", "x", "--expires", "2020-01-01");
        assertThat(past.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(past.err()).contains("not in the future");

        Run unknownKey = run("keys", "revoke", "--data", data.toString(), "nope");
        assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(Files.exists(data.resolve("tochka.db"))).isTrue();
    }

    @Test
    void a_missing_database_is_not_created_unless_asked_and_the_error_says_how_to_fix_it() {
        Path elsewhere = data.resolve("not-the-servers");
        String file = elsewhere.toAbsolutePath().resolve("tochka.db").toString();

        for (String[] args : List.of(
                new String[] {"keys", "list", "--data", elsewhere.toString()},
                new String[] {"keys", "create", "--data", elsewhere.toString(), "--name", "x"},
                new String[] {"keys", "revoke", "--data", elsewhere.toString(), "nope"})) {
            Run refused = run(args);
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.REJECTED);
            assertThat(refused.err())
                    .contains("no database at " + file)
                    .contains("directory where the server runs")
                    .contains("--data")
                    .contains("--init");
            assertThat(refused.out()).isEmpty();
        }
        assertThat(Files.exists(elsewhere)).as("nothing was created").isFalse();

        Run initialised = run("keys", "list", "--data", elsewhere.toString(), "--init");
        assertThat(initialised.exitCode()).as(initialised.err()).isZero();
        assertThat(Files.exists(Path.of(file))).isTrue();
        assertThat(run("keys", "list", "--data", elsewhere.toString()).exitCode())
                .isZero();
    }

    @Test
    void every_keys_command_says_on_stderr_which_database_it_used() {
        String database = "database: SQLite " + data.toAbsolutePath().resolve("tochka.db");

        Run created = run("keys", "create", "--data", data.toString(), "--init", "--name", "x");
        Run listed = run("keys", "list", "--data", data.toString());
        Run revoked = run("keys", "revoke", "--data", data.toString(), field(created.out(), "client_id"));

        for (Run each : List.of(created, listed, revoked)) {
            assertThat(each.exitCode()).as(each.err()).isZero();
            assertThat(each.err()).contains(database);
            assertThat(each.out()).doesNotContain("database:");
        }
    }

    @Test
    void an_expiry_date_is_a_moscow_date_and_the_key_works_through_its_end() {
        LocalDate lastDay =
                LocalDate.now(BankTime.ZONE).plusYears(1).withMonth(12).withDayOfMonth(31);
        String end = lastDay.plusDays(1) + "T00:00:00+03:00";

        Run created = run(
                "keys", "create", "--data", data.toString(), "--init", "--name", "x", "--expires", lastDay.toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out())
                .contains("expires     " + end + " (valid through 31.12." + lastDay.getYear() + ", Moscow time)");
        assertThat(created.out()).as("no UTC time").doesNotContain("T00:00:00Z").doesNotContain("T21:00:00Z");
        assertThat(run("keys", "list", "--data", data.toString()).out())
                .contains(field(created.out(), "client_id"))
                .contains(end);
    }
}
