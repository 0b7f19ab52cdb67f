package tochka.acquiring.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.keys.Keys.IssuedKey;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/**
 * Two nodes on one PostgreSQL: each caches a key it has read for {@link Keys#KEY_FRESHNESS}, so a key revoked on one
 * node is refused at once there and by the other as soon as its copy is that old.
 */
class KeysAcrossNodesIT {

    private static final String CUSTOMERS = "/open-banking/v1.0/customers";

    @Test
    void a_key_revoked_on_one_node_is_refused_by_the_other_within_its_freshness() {
        assumeTrue(TestDatabases.postgres(), "several nodes share one PostgreSQL; SQLite has one server per store");
        String dbUrl = TestDatabases.freshUrl();
        try (TestServer a = TestServer.start(TestServer.tempDir(), dbUrl);
                TestServer b = TestServer.start(TestServer.tempDir(), dbUrl)) {
            IssuedKey key = a.application()
                    .keys()
                    .issue("across nodes", Set.copyOf(Permission.ACQUIRING), Set.of(a.customerCode()), null, false);
            // Node B reads the key and keeps it.
            b.api(key.token()).get(CUSTOMERS).expectStatus(200);
            b.api(key.token()).get(CUSTOMERS).expectStatus(200);

            a.application().keys().revoke(key.key().clientId());

            a.api(key.token()).get(CUSTOMERS).expectError(403, "revoked");
            // A bound, not a timing: a machine this slow would fail the suite's other deadlines too.
            long deadline =
                    System.nanoTime() + Keys.KEY_FRESHNESS.multipliedBy(5).toNanos();
            int status;
            while ((status = b.api(key.token()).get(CUSTOMERS).status()) == 200 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(status)
                    .as("node B's answer after node A revoked the key")
                    .isEqualTo(403);
            b.api(key.token()).get(CUSTOMERS).expectError(403, "revoked");
        }
    }
}
