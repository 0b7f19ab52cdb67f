package tochka.acquiring.testkit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link TestServer} for all tests of a JUnit 5 class, started before the first test and closed after the last.
 * Either register it in a static field and ask it for the server:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ServerExtension running = new ServerExtension();
 *
 * @Test
 * void pays() {
 *     TestServer server = running.get();
 *     ...
 * }
 * }</pre>
 *
 * or declare it with {@code @ExtendWith(ServerExtension.class)} and take a {@link TestServer} parameter in a test,
 * a lifecycle method or the constructor. The database is the one {@link TestDatabases} chooses (SQLite by default),
 * unless a supplier given to the constructor starts the server otherwise.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Supplier<TestServer> starter;
    private @Nullable TestServer server;

    /** The class (its JUnit unique id) whose {@code beforeAll} started the server, and whose {@code afterAll} stops it. */
    private @Nullable String owner;

    /** A server over a fresh database of the kind {@link TestDatabases} chooses. */
    public ServerExtension() {
        this(TestServer::start);
    }

    /** A server that {@code starter} starts, e.g. {@code TestServer::startOnPostgres}. */
    public ServerExtension(Supplier<TestServer> starter) {
        this.starter = starter;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        // A @Nested class shares its enclosing class's server.
        if (server != null) return;
        server = starter.get();
        owner = context.getUniqueId();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        TestServer running = server;
        if (running == null || !context.getUniqueId().equals(owner)) return;
        server = null;
        owner = null;
        running.close();
    }

    /**
     * The server of the running test class.
     *
     * @throws IllegalStateException outside the class's tests (before {@code beforeAll}, after {@code afterAll})
     */
    public synchronized TestServer get() {
        TestServer running = server;
        if (running == null) throw new IllegalStateException("the server runs only while the test class does");
        return running;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public TestServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
