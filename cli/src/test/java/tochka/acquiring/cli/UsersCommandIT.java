package tochka.acquiring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.users.Users;

/**
 * {@code tochka users} on a data directory, the password always from standard input, and the users it makes signing
 * in to a server on that directory: an IT, since it writes a database.
 */
class UsersCommandIT {

    private static final String PASSWORD = "first-password-1";
    private static final InputStream STDIN = System.in;

    @TempDir
    Path data;

    private record Run(int exitCode, String out, String err) {}

    @AfterEach
    void give_back_standard_input() {
        System.setIn(STDIN);
    }

    /** Runs {@code tochka args...} with {@code stdin} as standard input. */
    private Run run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TochkaCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run users(String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "users";
        all[1] = args[0];
        all[2] = "--data";
        all[3] = data.toString();
        System.arraycopy(args, 1, all, 4, args.length - 1);
        return run(stdin, all);
    }

    private Application server() {
        return Application.builder()
                .config(Config.forTests(data, null))
                .clock(Clock.systemUTC())
                .build()
                .start();
    }

    @Test
    void a_user_added_with_a_password_from_standard_input_signs_in_and_is_managed_to_the_end() {
        Run added = run(
                PASSWORD + "\n",
                "users",
                "add",
                "--data",
                data.toString(),
                "--init",
                "shop.owner",
                "--role",
                "company",
                "--company",
                "300000092",
                "--phone",
                "+79001234567");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("added shop.owner (company)");
        assertThat(added.err()).doesNotContain(PASSWORD);

        Run listed = users("", "list");
        assertThat(listed.out())
                .containsPattern("shop\\.owner\\s+company\\s+\\+79001234567\\s+active\\s+300000092")
                .doesNotContain(PASSWORD);

        try (Application server = server()) {
            Users users = server.users();
            assertThat(users.signIn("shop.owner", PASSWORD)).isInstanceOf(Users.SignIn.SignedIn.class);

            assertThat(users("second-password-2\n", "passwd", "shop.owner").exitCode())
                    .isZero();
            assertThat(users.signIn("shop.owner", PASSWORD)).isInstanceOf(Users.SignIn.Refused.class);
            assertThat(users.passwordHolds("shop.owner", "second-password-2")).isTrue();

            for (int attempt = 0; attempt < Users.MAX_FAILED_SIGN_INS; attempt++) {
                var unused = users.signIn("shop.owner", "wrong-password");
            }
            assertThat(users("", "list").out()).containsPattern("shop\\.owner .*locked until");
            assertThat(users("", "unlock", "shop.owner").exitCode()).isZero();
            assertThat(users.signIn("shop.owner", "second-password-2")).isInstanceOf(Users.SignIn.SignedIn.class);

            Run companies = users("", "companies", "shop.owner", "300000092", "300000093");
            assertThat(companies.exitCode()).as(companies.err()).isZero();
            assertThat(users.find("shop.owner").orElseThrow().customerCodes())
                    .containsExactlyInAnyOrder("300000092", "300000093");

            assertThat(users("", "remove", "shop.owner").exitCode()).isZero();
            assertThat(users.find("shop.owner")).isEmpty();
        }
    }

    @Test
    void an_admin_made_to_change_the_password_must_and_sees_every_company() {
        Run added = run(
                PASSWORD + "\r\n",
                "users",
                "add",
                "--data",
                data.toString(),
                "--init",
                "ops",
                "--role",
                "admin",
                "--must-change");
        assertThat(added.exitCode()).as(added.err()).isZero();

        assertThat(users("", "list").out())
                .containsPattern("ops\\s+admin\\s+\\S+\\s+must change password\\s+\\(all\\)");
        try (Application server = server()) {
            assertThat(server.users().passwordHolds("ops", PASSWORD))
                    .as("the line's \\r is no part of it")
                    .isTrue();
        }
    }

    @Test
    void bad_input_is_refused_with_a_message_and_an_exit_code_and_changes_nothing() {
        Run noDatabase = users(PASSWORD + "\n", "add", "x.user", "--role", "admin");
        assertThat(noDatabase.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(noDatabase.err()).contains("--init");

        assertThat(run("", "users", "list", "--data", data.toString(), "--init").exitCode())
                .isZero();
        Run noPassword = users("", "add", "x.user", "--role", "admin");
        assertThat(noPassword.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(noPassword.err()).contains("no password on standard input");

        Run shortPassword = users("short\n", "add", "x.user", "--role", "admin");
        assertThat(shortPassword.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(shortPassword.err()).contains("password");

        Run noCompany = users(PASSWORD + "\n", "add", "x.user", "--role", "company");
        assertThat(noCompany.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(noCompany.err()).contains("at least one company");

        Run unknownCompany = users(PASSWORD + "\n", "add", "x.user", "--role", "company", "--company", "399999999");
        assertThat(unknownCompany.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(unknownCompany.err()).contains("399999999");

        Run badRole = users(PASSWORD + "\n", "add", "x.user", "--role", "root");
        assertThat(badRole.exitCode()).isEqualTo(2);
        Run passwordArgument = users("", "passwd", "x.user", PASSWORD);
        assertThat(passwordArgument.exitCode())
                .as("a password is never an argument")
                .isEqualTo(2);

        for (String[] unknown :
                new String[][] {{"remove", "nobody"}, {"unlock", "nobody"}, {"companies", "nobody", "300000092"}}) {
            Run refused = users("", unknown);
            assertThat(refused.exitCode()).as(String.join(" ", unknown)).isEqualTo(ExitCodes.REJECTED);
            assertThat(refused.err()).contains("no console user nobody");
        }
        assertThat(users(PASSWORD + "\n", "passwd", "nobody").exitCode()).isEqualTo(ExitCodes.REJECTED);

        assertThat(users("", "list").out().lines()).as("only the heading").hasSize(1);
    }
}
