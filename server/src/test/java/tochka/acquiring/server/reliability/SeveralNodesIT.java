package tochka.acquiring.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.testing.ServerProcess;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * Several server processes on one PostgreSQL, no proxy: the load goes round-robin over them while one after another
 * is killed with {@code kill -9} and started again. Every acknowledged write is there, read the same from every
 * node, and every webhook event is delivered by exactly one node: with a receiver that always answers 200, each
 * event arrives once, and a second time only when the node delivering it was killed after the receiver had it and
 * before it could record the 200 (so between two arrivals of one event there is always a kill).
 *
 * <p>Short form: 2 nodes, 1 kill. Long form: {@code ./reliability nodes} (3 nodes, 10 kills).
 */
class SeveralNodesIT {

    /** Webhooks may take their time to drain on a slow machine; a minute with none arriving is a failure. */
    private static final Duration WEBHOOKS_STALL = Duration.ofSeconds(60);

    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(120);

    @Test
    void nodes_share_the_work_and_survive_one_of_them_killed() {
        assumeTrue(TestDatabases.postgres(), "several nodes share one PostgreSQL; SQLite has one server per store");
        long seed = Reliability.seed("nodes");
        int size = Reliability.setting("nodes.count", 2);
        int kills = Reliability.setting("nodes.kills", 1);
        int clients = Reliability.setting("nodes.clients", 4);
        int writesBetweenKills = Reliability.setting("nodes.writes", 80);
        Random random = new Random(seed);
        String dbUrl = TestDatabases.freshUrl();
        Ledger ledger = new Ledger();
        Nodes nodes = new Nodes(size);
        ServerProcess[] processes = new ServerProcess[size];
        List<Long> killedAt = new ArrayList<>();

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // All at once, on an empty database: the nodes of a cluster starting together must not trip over each
            // other's migration and seeding.
            List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                starting.add(CompletableFuture.supplyAsync(() -> ServerProcess.start(TestServer.tempDir(), dbUrl)));
            }
            for (int i = 0; i < size; i++) {
                processes[i] = starting.get(i).join();
                nodes.set(i, Node.of("node" + i, processes[i]));
            }
            Node first = nodes.up().get(0);
            first.subscribe(receiver.url());
            RSAKey publicKey = Deliveries.publicKey(first);

            MixedLoad load = MixedLoad.start(nodes, ledger, clients, random.nextLong());
            try {
                for (int kill = 1; kill <= kills; kill++) {
                    long killAt =
                            ledger.acknowledgedCount() + writesBetweenKills / 2 + random.nextInt(writesBetweenKills);
                    Reliability.await(
                            "the load reaches " + killAt + " acknowledged writes",
                            LOAD_DEADLINE,
                            () -> ledger.acknowledgedCount() >= killAt
                                    || !load.problems().isEmpty());
                    int victim = random.nextInt(size);
                    nodes.set(victim, null);
                    processes[victim].kill();
                    killedAt.add(System.nanoTime());
                    // The others carry on alone for a while, then the killed node comes back (on a new port).
                    long aloneUntil = ledger.acknowledgedCount() + writesBetweenKills / 2;
                    Reliability.await(
                            "the other nodes reach " + aloneUntil + " acknowledged writes",
                            LOAD_DEADLINE,
                            () -> ledger.acknowledgedCount() >= aloneUntil
                                    || !load.problems().isEmpty());
                    processes[victim] = ServerProcess.start(TestServer.tempDir(), dbUrl);
                    nodes.set(victim, Node.of("node" + victim, processes[victim]));
                }
                long last = ledger.acknowledgedCount() + writesBetweenKills / 2;
                Reliability.await(
                        "the load reaches " + last + " acknowledged writes",
                        LOAD_DEADLINE,
                        () -> ledger.acknowledgedCount() >= last
                                || !load.problems().isEmpty());
            } finally {
                load.close();
            }
            assertThat(load.problems())
                    .as("answers other than 200 and the bank's 400")
                    .isEmpty();

            int lost = 0;
            for (Node node : nodes.up()) lost += ledger.verify(node);
            Set<Deliveries.Announcement> expected = new HashSet<>();
            for (Ledger.Entry entry : ledger.entries()) {
                for (String status : entry.webhookStatuses()) {
                    expected.add(new Deliveries.Announcement(entry.operationId, status));
                }
            }
            try {
                Reliability.awaitWhileProgressing(
                        "every approval's webhook arrives",
                        WEBHOOKS_STALL,
                        () -> Deliveries.of(receiver, publicKey).announced().containsAll(expected),
                        receiver::arrivals);
            } catch (AssertionError e) {
                Set<Deliveries.Announcement> missing = new HashSet<>(expected);
                missing.removeAll(Deliveries.of(receiver, publicKey).announced());
                throw new AssertionError(e.getMessage() + ": " + Reliability.outboxOf(dbUrl, missing), e);
            }
            Deliveries deliveries = Deliveries.of(receiver, publicKey);
            assertThat(deliveries.badSignatures())
                    .as("webhooks whose signature does not verify")
                    .isEmpty();
            assertThat(deliveries.unexplainedDuplicates(killedAt))
                    .as("an event delivered twice with no kill in between: two nodes delivered it")
                    .isEmpty();
            Reliability.report(
                    "nodes",
                    ("seed %d, %d nodes on one PostgreSQL, %d killed with kill -9 and restarted,"
                                    + " %d writes acknowledged (%d in doubt at the kills), %d lost; %d payment links read alike from"
                                    + " every node; %d approval webhooks expected, all delivered (%d events, %d deliveries; events by"
                                    + " times delivered: %s)")
                            .formatted(
                                    seed,
                                    size,
                                    kills,
                                    ledger.acknowledgedCount(),
                                    ledger.inDoubtCount(),
                                    lost,
                                    ledger.entries().size(),
                                    expected.size(),
                                    deliveries.events(),
                                    deliveries.deliveries(),
                                    deliveries.histogram()));
        } finally {
            for (ServerProcess process : processes) {
                if (process != null) process.close();
            }
        }
    }
}
