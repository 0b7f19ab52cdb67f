package tochka.acquiring.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.keys.ApiKey;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.core.Rejected;

/** {@code tochka keys}: issue, list and revoke JWT keys, straight on the database (the server may be running). */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage JWT keys (offline, on --data or --db).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Token.class,
                KeysCommand.Revoke.class})
final class KeysCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a new JWT key and print it.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeysStore store;

        @Option(names = "--name", required = true, description = "the key's name, e.g. Эквайринг")
        String name;

        @Option(names = "--permissions", split = ",", description = "permission names (default: ${DEFAULT-VALUE})",
                defaultValue = "ReadCustomerData,ReadAcquiringData,MakeAcquiringOperation,ManageWebhookData")
        List<Permission> permissions;

        @Option(names = "--customer", split = ",", description = "customerCode(s) the key may act for (default: every demo company)")
        List<String> customers;

        @Option(names = "--expires", description = "last day the key is valid, YYYY-MM-DD, a Moscow date: the key works"
                + " through the end of that day, Moscow time (default: never expires)")
        LocalDate expires;

        @Override
        public Integer call() {
            Instant expiresAt = expires == null ? null : MoscowTime.endOf(expires);
            if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
                throw Rejected.invalid("--expires " + expires + ": the key would be valid through "
                        + MoscowTime.day(expires) + " (Moscow time), which is not in the future");
            }
            return store.withBackoffice(spec.commandLine().getErr(), backoffice -> {
                Set<String> codes = customers != null && !customers.isEmpty()
                        ? Set.copyOf(customers)
                        : new DirectoryService(backoffice.database().jdbi()).demoCustomerCodes();
                var issued = backoffice.keys().issue(name, EnumSet.copyOf(permissions), codes, expiresAt, false);
                PrintWriter out = spec.commandLine().getOut();
                out.println("client_id   " + issued.key().clientId());
                out.println("customers   " + String.join(",", issued.key().customerCodes().stream().sorted().toList()));
                out.println("permissions " + describe(issued.key().permissions()));
                Instant expiry = issued.key().expiresAt();
                out.println("expires     " + (expiry == null ? "never" : MoscowTime.expiry(expiry)));
                out.println("token       " + issued.token());
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their tokens).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeysStore store;

        @Override
        public Integer call() {
            return store.withBackoffice(spec.commandLine().getErr(), backoffice -> {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-32s  %-8s  %-25s  %-24s  %s%n", "CLIENT_ID", "STATE", "EXPIRES (Moscow)", "NAME",
                        "CUSTOMERS");
                for (ApiKey key : backoffice.keys().list()) {
                    Instant expiry = key.expiresAt();
                    out.printf("%-32s  %-8s  %-25s  %-24s  %s%n", key.clientId(),
                            key.isRevoked() ? "revoked" : "active",
                            expiry == null ? "never" : MoscowTime.time(expiry), key.name(),
                            String.join(",", key.customerCodes().stream().sorted().toList()));
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Print a key's token again (the same"
            + " claims signed by the same server key give the same token).")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeysStore store;

        @Parameters(paramLabel = "CLIENT_ID", description = "the key's client_id")
        String clientId;

        @Override
        public Integer call() {
            return store.withBackoffice(spec.commandLine().getErr(), backoffice -> {
                ApiKey key = backoffice.keys().list().stream()
                        .filter(candidate -> candidate.clientId().equals(clientId))
                        .findFirst()
                        .orElseThrow(() -> Rejected.notFound("no key with client_id " + clientId));
                if (key.isRevoked()) throw Rejected.invalid("the key " + clientId + " is revoked");
                spec.commandLine().getOut().println(backoffice.keys().token(key));
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: it is refused from the next request on.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KeysStore store;

        @Parameters(paramLabel = "CLIENT_ID", description = "the key's client_id")
        String clientId;

        @Override
        public Integer call() {
            return store.withBackoffice(spec.commandLine().getErr(), backoffice -> {
                backoffice.keys().revoke(clientId);
                spec.commandLine().getOut().println("revoked " + clientId);
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    private static String describe(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::name).collect(Collectors.joining(","));
    }
}
