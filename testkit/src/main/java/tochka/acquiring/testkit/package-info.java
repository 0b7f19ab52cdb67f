/**
 * The acquiring server in-process, for tests: {@link tochka.acquiring.testkit.TestServer} starts it on a free port
 * over a temporary SQLite database (or a fresh database on an embedded PostgreSQL, {@link
 * tochka.acquiring.testkit.TestDatabases}) and hands out the demo credentials; {@link tochka.acquiring.testkit.Control}
 * plays the buyer and the clock through the control API; {@link tochka.acquiring.testkit.WebhookReceiver} is the
 * merchant's webhook endpoint; {@link tochka.acquiring.testkit.ServerExtension} runs a server for a JUnit 5 test
 * class. Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.testkit;

import org.jspecify.annotations.NullMarked;
