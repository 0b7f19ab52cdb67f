package tochka.acquiring.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;
import tochka.acquiring.testkit.TestDatabases;
import tochka.acquiring.testkit.TestServer;

/** Offline tools can ask whether a database is there before they open (and so create) it, and say which it is. */
class DatabaseExistsIT {

    private final Config config = Config.forTests(TestServer.tempDir(), TestDatabases.freshUrl());

    @Test
    void a_database_exists_once_it_has_been_opened_and_migrated() {
        assertThat(Application.databaseExists(config)).isFalse();

        Application.open(config).close();

        assertThat(Application.databaseExists(config)).isTrue();
    }

    @Test
    void the_database_is_described_by_its_absolute_file_or_its_url() {
        String described = Application.describeDatabase(config);

        if (TestDatabases.postgres()) {
            assertThat(described).startsWith("PostgreSQL jdbc:postgresql://").doesNotContain("password");
        } else {
            assertThat(described)
                    .isEqualTo("SQLite " + config.dataDir().toAbsolutePath().resolve("tochka.db"));
        }
    }
}
