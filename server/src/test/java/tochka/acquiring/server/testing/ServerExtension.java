package tochka.acquiring.server.testing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for all tests of a class: {@code @RegisterExtension static final ServerExtension server =
 * new ServerExtension();} starts it before the first test and stops it after the last.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {

    private @Nullable TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.close();
        server = null;
    }

    public TestServer get() {
        if (server == null) throw new IllegalStateException("the server runs only while the test class does");
        return server;
    }
}
