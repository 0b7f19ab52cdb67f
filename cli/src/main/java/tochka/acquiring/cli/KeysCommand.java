package tochka.acquiring.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.keys.ApiKey;

/** {@code tochka keys}: issue, list and revoke JWT keys, straight on the database (the server may be running). */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Manage JWT keys (offline, on --data or --db).",
        footer = {"%nExample:", "  tochka keys list"},
        subcommands = {
            KeysCommand.Create.class,
            KeysCommand.ListKeys.class,
            KeysCommand.Token.class,
            KeysCommand.Revoke.class
        })
final class KeysCommand {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Issue a new JWT key and print it.",
            footer = {
                "%nExample:",
                "  tochka keys create --name Эквайринг --permissions ReadCustomerData,ReadAcquiringData --expires 2027-12-31"
            })
    static final class Create extends OfflineCommand implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "the key's name, e.g. Эквайринг")
        String name;

        @Option(
                names = "--permissions",
                split = ",",
                description = "permission names (default: ${DEFAULT-VALUE})",
                defaultValue = "ReadCustomerData,ReadAcquiringData,MakeAcquiringOperation,ManageWebhookData")
        List<Permission> permissions;

        @Option(
                names = "--customer",
                split = ",",
                description = "customerCode(s) the key may act for (default: every demo company)")
        List<String> customers;

        @Option(
                names = "--expires",
                description = "last day the key is valid, YYYY-MM-DD, a Moscow date: the key works"
                        + " through the end of that day, Moscow time (default: never expires)")
        LocalDate expires;

        @Override
        public Integer call() {
            Instant expiresAt = expires == null ? null : MoscowTime.endOf(expires);
            if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
                throw Rejected.invalid("--expires " + expires + ": the key would be valid through "
                        + MoscowTime.day(expires) + " (Moscow time), which is not in the future");
            }
            return printing((backoffice, out) -> {
                Set<String> codes = customers != null && !customers.isEmpty()
                        ? Set.copyOf(customers)
                        : new DirectoryService(backoffice.database().transactions()).demoCustomerCodes();
                var issued = backoffice.keys().issue(name, EnumSet.copyOf(permissions), codes, expiresAt, false);
                out.println("client_id   " + issued.key().clientId());
                out.println("customers   " + companies(issued.key()));
                out.println("permissions " + describe(issued.key().permissions()));
                Instant expiry = issued.key().expiresAt();
                out.println("expires     " + (expiry == null ? "never" : MoscowTime.expiry(expiry)));
                out.println("token       " + issued.token());
            });
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List keys (never their tokens).",
            footer = {"%nExample:", "  tochka keys list --data ./data"})
    static final class ListKeys extends OfflineCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                out.printf(
                        "%-32s  %-8s  %-25s  %-24s  %s%n",
                        "CLIENT_ID", "STATE", "EXPIRES (Moscow)", "NAME", "CUSTOMERS");
                for (ApiKey key : backoffice.keys().list()) {
                    Instant expiry = key.expiresAt();
                    out.printf(
                            "%-32s  %-8s  %-25s  %-24s  %s%n",
                            key.clientId(),
                            key.isRevoked() ? "revoked" : "active",
                            expiry == null ? "never" : MoscowTime.time(expiry),
                            key.name(),
                            companies(key));
                }
            });
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "Print a key's token again (the same"
                    + " claims signed by the same server key give the same token).",
            footer = {"%nExample:", "  tochka keys token 0123456789abcdef0123456789abcdef"})
    static final class Token extends OneKey implements Callable<Integer> {
        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                ApiKey key = backoffice.keys().list().stream()
                        .filter(candidate -> candidate.clientId().equals(clientId))
                        .findFirst()
                        .orElseThrow(() -> Rejected.notFound("no key with client_id " + clientId));
                if (key.isRevoked()) throw Rejected.invalid("the key " + clientId + " is revoked");
                out.println(backoffice.keys().token(key));
            });
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a key: it is refused from the next request on.",
            footer = {"%nExample:", "  tochka keys revoke 0123456789abcdef0123456789abcdef"})
    static final class Revoke extends OneKey implements Callable<Integer> {
        @Override
        public Integer call() {
            return printing((backoffice, out) -> {
                backoffice.keys().revoke(clientId);
                out.println("revoked " + clientId);
            });
        }
    }

    /** A subcommand on one key, named by its client_id. */
    abstract static class OneKey extends OfflineCommand {
        @Parameters(paramLabel = "CLIENT_ID", description = "the key's client_id")
        String clientId;
    }

    /** A key's companies as {@code keys create} and {@code keys list} print them: sorted, comma-separated. */
    private static String companies(ApiKey key) {
        return String.join(",", key.customerCodes().stream().sorted().toList());
    }

    private static String describe(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::name).collect(Collectors.joining(","));
    }
}
