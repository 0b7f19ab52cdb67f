package tochka.acquiring.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.users.ConsoleUser;
import tochka.acquiring.server.users.Role;
import tochka.acquiring.server.users.Users;

/**
 * {@code tochka users}: the console's users, straight on the database (the server may be running). A password is
 * never an argument, which {@code ps} would show to everyone on the machine: it is asked for twice on a terminal, or
 * read as the first line of standard input ({@code printf '%s\n' "$PASSWORD" | tochka users add ...}).
 */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Manage the console's users (offline, on --data or --db).",
        footer = {"%nExample:", "  tochka users list"},
        subcommands = {
            UsersCommand.ListUsers.class,
            UsersCommand.Add.class,
            UsersCommand.Passwd.class,
            UsersCommand.Remove.class,
            UsersCommand.Unlock.class,
            UsersCommand.Companies.class
        })
final class UsersCommand {

    /** The two roles as the command line spells them. */
    enum RoleName {
        admin(Role.ADMIN),
        company(Role.COMPANY);

        private final Role role;

        RoleName(Role role) {
            this.role = role;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the users (never their passwords).",
            footer = {"%nExample:", "  tochka users list --data ./data"})
    static final class ListUsers extends OfflineCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                Instant now = Instant.now();
                out.printf("%-24s  %-7s  %-16s  %-26s  %s%n", "LOGIN", "ROLE", "PHONE", "STATE", "COMPANIES");
                for (ConsoleUser user : backoffice.users().list()) {
                    out.printf(
                            "%-24s  %-7s  %-16s  %-26s  %s%n",
                            user.login(),
                            user.isAdmin() ? "admin" : "company",
                            user.phone(),
                            state(user, now),
                            user.isAdmin() ? "(all)" : String.join(",", sorted(user.customerCodes())));
                }
            });
        }

        private static String state(ConsoleUser user, Instant now) {
            Instant locked = user.lockedUntil();
            if (locked != null && now.isBefore(locked)) return "locked until " + MoscowTime.time(locked);
            return user.mustChangePassword() ? "must change password" : "active";
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; the password is asked for (or read from standard input).",
            footer = {
                "%nExample:",
                "  printf '%%s\\n' 'shop-password-2026' | tochka users add shop --role company --company 300000092"
            })
    static final class Add extends OneUser implements Callable<Integer> {
        @Option(names = "--role", required = true, description = "admin (sees everything) or company")
        RoleName role;

        @Option(
                names = "--company",
                split = ",",
                paramLabel = "CODE",
                description = "a customerCode the company user acts for; repeatable (a company user needs one)")
        List<String> companies = new ArrayList<>();

        @Option(
                names = "--phone",
                defaultValue = Users.DEFAULT_PHONE,
                description = "where confirmation codes go, +7... (default: ${DEFAULT-VALUE}, the console's dev phone)")
        String phone;

        @Option(names = "--must-change", description = "make the user choose a new password at the first sign-in")
        boolean mustChange;

        @Override
        public Integer call() {
            String password = Passwords.read(spec.commandLine().getErr(), "Password for " + login);
            return printing((backoffice, out) -> {
                ConsoleUser user = backoffice
                        .users()
                        .add(new Users.NewUser(login, password, role.role, phone, Set.copyOf(companies)));
                if (mustChange) backoffice.users().setPassword(user.login(), password, true);
                out.println("added " + user.login() + " (" + role + ")");
            });
        }
    }

    @Command(
            name = "passwd",
            mixinStandardHelpOptions = true,
            description = "Set a user's password (asked for, or read from standard input); ends their sessions.",
            footer = {"%nExample:", "  tochka users passwd shop"})
    static final class Passwd extends OneUser implements Callable<Integer> {
        @Option(names = "--must-change", description = "make the user choose a new password at the next sign-in")
        boolean mustChange;

        @Override
        public Integer call() {
            String password = Passwords.read(spec.commandLine().getErr(), "New password for " + login);
            return printing((backoffice, out) -> {
                backoffice.users().setPassword(login, password, mustChange);
                out.println("password set for " + login);
            });
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Remove a user and end their sessions.",
            footer = {"%nExample:", "  tochka users remove shop"})
    static final class Remove extends OneUser implements Callable<Integer> {
        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                backoffice.users().remove(login);
                out.println("removed " + login);
            });
        }
    }

    @Command(
            name = "unlock",
            mixinStandardHelpOptions = true,
            description = "Lift the lock-out after repeated failed sign-ins.",
            footer = {"%nExample:", "  tochka users unlock shop"})
    static final class Unlock extends OneUser implements Callable<Integer> {
        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                backoffice.users().unlock(login);
                out.println("unlocked " + login);
            });
        }
    }

    @Command(
            name = "companies",
            mixinStandardHelpOptions = true,
            description = "Set the companies a company user acts for (replacing the ones before).",
            footer = {"%nExample:", "  tochka users companies shop 300000092 300000093"})
    static final class Companies extends OneUser implements Callable<Integer> {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "CODE", description = "customerCodes")
        List<String> codes;

        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                backoffice.users().setCompanies(login, Set.copyOf(codes));
                out.println(login + " acts for " + String.join(",", sorted(Set.copyOf(codes))));
            });
        }
    }

    /** A subcommand on one user, named by their login. */
    abstract static class OneUser extends OfflineCommand {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "the user's login")
        String login;
    }

    /** Reads a password from the terminal (twice) or from standard input's first line; never from an argument. */
    static final class Passwords {

        private Passwords() {}

        static String read(java.io.PrintWriter err, String prompt) {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("%s: ", prompt);
                char[] second = console.readPassword("%s again: ", prompt);
                if (first == null || second == null) throw Rejected.invalid("no password given");
                try {
                    if (!Arrays.equals(first, second)) throw Rejected.invalid("the two passwords differ");
                    return new String(first);
                } finally {
                    Arrays.fill(first, ' ');
                    Arrays.fill(second, ' ');
                }
            }
            err.println(prompt + ": reading the first line of standard input");
            err.flush();
            try {
                // Not closed: System.in is the process's, not ours.
                @SuppressWarnings("resource")
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                String line = in.readLine();
                if (line == null || line.isEmpty()) {
                    throw Rejected.invalid("no password on standard input: pipe it in as one line, e.g."
                            + " printf '%s\\n' \"$PASSWORD\" | tochka users ...");
                }
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> sorted(Set<String> codes) {
        return codes.stream().sorted().toList();
    }
}
