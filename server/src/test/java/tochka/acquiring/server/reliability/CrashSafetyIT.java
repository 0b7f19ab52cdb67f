package tochka.acquiring.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.testing.ServerProcess;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * Crash safety: a mixed load (create, pay, capture, refund, with webhooks to a receiver that stays up) against the
 * server in a process of its own, killed with {@code kill -9} at a random point of the load, round after round over
 * the same database. After every restart and at the end every acknowledged write is there and consistent, nothing
 * unacknowledged beyond what was in flight happened, refunds never exceed payments, and in the end every approval's
 * webhook has arrived with a valid signature.
 *
 * <p>Short form: 2 rounds. Long form: {@code ./reliability crash} ({@code -Dreliability.crash.rounds=20}).
 */
class CrashSafetyIT {

    /** Webhooks may take their time to drain on a slow machine; a minute with none arriving is a failure. */
    private static final Duration WEBHOOKS_STALL = Duration.ofSeconds(60);

    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(120);

    @Test
    void acknowledged_writes_and_webhooks_survive_kill_minus_nine() {
        long seed = Reliability.seed("crash");
        int rounds = Reliability.setting("crash.rounds", 2);
        int clients = Reliability.setting("crash.clients", 4);
        int writesPerRound = Reliability.setting("crash.writes", 100);
        Random random = new Random(seed);
        Path dataDir = TestServer.tempDir();
        String dbUrl = TestDatabases.freshUrl();
        String jdbcUrl = dbUrl != null ? dbUrl : "jdbc:sqlite:" + Database.sqliteFile(dataDir);
        Ledger ledger = new Ledger();
        Nodes nodes = new Nodes(1);
        List<String> problems = new ArrayList<>();
        int lost = 0;
        @Nullable RSAKey publicKey = null;

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            for (int round = 1; round <= rounds; round++) {
                try (ServerProcess server = ServerProcess.start(dataDir, dbUrl)) {
                    Node node = Node.of("server", server);
                    if (publicKey == null) {
                        node.subscribe(receiver.url());
                        publicKey = Deliveries.publicKey(node);
                    } else {
                        lost += ledger.verify(node);
                    }
                    nodes.set(0, node);
                    // The kill lands after a random number of acknowledged writes, with requests in flight.
                    long killAt = ledger.acknowledgedCount() + writesPerRound / 3 + random.nextInt(writesPerRound);
                    MixedLoad load = MixedLoad.start(nodes, ledger, clients, random.nextLong());
                    Reliability.await(
                            "the load reaches " + killAt + " acknowledged writes",
                            LOAD_DEADLINE,
                            () -> ledger.acknowledgedCount() >= killAt
                                    || !load.problems().isEmpty());
                    nodes.set(0, null);
                    server.kill();
                    load.close();
                    problems.addAll(load.problems());
                    assertThat(problems)
                            .as("answers other than 200 and the bank's 400")
                            .isEmpty();
                }
            }

            try (ServerProcess server = ServerProcess.start(dataDir, dbUrl)) {
                Node node = Node.of("server", server);
                lost += ledger.verify(node);
                Set<Deliveries.Announcement> expected = new HashSet<>();
                for (Ledger.Entry entry : ledger.entries()) {
                    for (String status : entry.webhookStatuses()) {
                        expected.add(new Deliveries.Announcement(entry.operationId, status));
                    }
                }
                RSAKey key = publicKey;
                try {
                    Reliability.awaitWhileProgressing(
                            "every approval's webhook arrives",
                            WEBHOOKS_STALL,
                            () -> Deliveries.of(receiver, key).announced().containsAll(expected),
                            receiver::arrivals);
                } catch (AssertionError e) {
                    Set<Deliveries.Announcement> missing = new HashSet<>(expected);
                    missing.removeAll(Deliveries.of(receiver, key).announced());
                    throw new AssertionError(e.getMessage() + ": " + Reliability.outboxOf(jdbcUrl, missing), e);
                }
                Deliveries deliveries = Deliveries.of(receiver, key);
                assertThat(deliveries.badSignatures())
                        .as("webhooks whose signature does not verify")
                        .isEmpty();
                Reliability.report(
                        "crash",
                        ("seed %d, %d rounds of kill -9 survived, %d writes acknowledged (%d in doubt"
                                        + " at the kills), %d lost; %d payment links, %d approval webhooks expected, all delivered"
                                        + " (%d events, %d deliveries; events by times delivered: %s)")
                                .formatted(
                                        seed,
                                        rounds,
                                        ledger.acknowledgedCount(),
                                        ledger.inDoubtCount(),
                                        lost,
                                        ledger.entries().size(),
                                        expected.size(),
                                        deliveries.events(),
                                        deliveries.deliveries(),
                                        deliveries.histogram()));
            }
        }
    }
}
