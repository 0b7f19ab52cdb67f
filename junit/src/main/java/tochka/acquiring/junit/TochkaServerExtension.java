package tochka.acquiring.junit;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.WebhookVerifier;
import tochka.acquiring.testkit.TestServer;

/**
 * The extension behind {@link TochkaServer}: starts a server when a test first asks for something of it, keeps it in
 * JUnit's store of the class (or, {@link TochkaServer.Lifecycle#PER_METHOD}, the test) that owns it, and lets JUnit
 * stop it when that is over. It keeps no state of its own, so one instance serves tests running in parallel.
 */
public final class TochkaServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TochkaServerExtension.class);

    private static final Set<Class<?>> INJECTED = Set.of(
            TochkaClient.class, ServerControl.class, WebhookInbox.class, WebhookVerifier.class, TestServer.class);

    /** The extension; JUnit makes it from {@link TochkaServer}'s {@code @ExtendWith}. */
    public TochkaServerExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == String.class) {
            return parameter.isAnnotated(CustomerCode.class) || parameter.isAnnotated(MerchantId.class);
        }
        return INJECTED.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningServer running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == TochkaClient.class) return running.client();
        if (type == ServerControl.class) return running.control();
        if (type == WebhookInbox.class) return running.inbox();
        if (type == WebhookVerifier.class) return running.verifier();
        if (type == TestServer.class) return running.server();
        return parameter.isAnnotated(CustomerCode.class)
                ? running.server().customerCode()
                : running.server().merchantId();
    }

    /** The server of {@code context}'s class or test, started now if it runs nowhere yet. */
    private static RunningServer running(ExtensionContext context) {
        Owner owner = owner(context);
        // Keyed by the owner's id: a nested class's own server must not be found in its enclosing class's store.
        String key = "server " + owner.context().getUniqueId();
        return owner.context()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, unused -> RunningServer.start(owner.database()), RunningServer.class);
    }

    /**
     * The context that owns the server {@code context} uses: the innermost class that carries {@link TochkaServer}
     * (the outermost class if none does, when the extension was registered by hand), or the test itself for
     * {@link TochkaServer.Lifecycle#PER_METHOD}.
     */
    private static Owner owner(ExtensionContext context) {
        ExtensionContext outermost = context;
        for (Optional<ExtensionContext> at = Optional.of(context);
                at.isPresent();
                at = at.get().getParent()) {
            ExtensionContext candidate = at.get();
            if (candidate.getTestClass().isEmpty() || candidate.getTestMethod().isPresent()) continue;
            outermost = candidate;
            Optional<TochkaServer> settings =
                    AnnotationSupport.findAnnotation(candidate.getRequiredTestClass(), TochkaServer.class);
            if (settings.isPresent())
                return owner(
                        context,
                        candidate,
                        settings.get().database(),
                        settings.get().lifecycle());
        }
        return owner(context, outermost, TochkaServer.Database.SQLITE, TochkaServer.Lifecycle.PER_CLASS);
    }

    private static Owner owner(
            ExtensionContext context,
            ExtensionContext classContext,
            TochkaServer.Database database,
            TochkaServer.Lifecycle lifecycle) {
        if (lifecycle == TochkaServer.Lifecycle.PER_CLASS) return new Owner(classContext, database);
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("a PER_METHOD @TochkaServer runs only for a test: take its server,"
                    + " client or control in a test, @BeforeEach or @AfterEach method, not in @BeforeAll or a"
                    + " constructor");
        }
        return new Owner(context, database);
    }

    /** The context whose store keeps the server, and the database to start it on. */
    private record Owner(ExtensionContext context, TochkaServer.Database database) {}
}
