package tochka.acquiring.server.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a webhook's host once per connection and hands the HTTP client only addresses that {@link WebhookTargets}
 * permits, so the client connects to exactly the address that was checked: a name cannot pass the check with one
 * address and be connected to another (DNS rebinding). When any address of the name is refused, the whole name is:
 * a public name that also resolves into the private network is more likely a trick than a mistake. TLS still
 * verifies the certificate against the host name of the URL.
 */
final class CheckedResolver implements SocketAddressResolver {

    /** A name lookup; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** The host resolves to an address webhooks may not go to; the message names it, for the delivery log. */
    static final class RefusedAddress extends IOException {
        RefusedAddress(String host, int port, InetAddress address) {
            super(host + ":" + port + " resolves to " + address.getHostAddress() + ", " + WebhookTargets.kind(address)
                    + ", where webhooks may not go");
        }
    }

    private final WebhookTargets targets;
    private final Executor executor;
    private final Lookup lookup;

    CheckedResolver(WebhookTargets targets, Executor executor, Lookup lookup) {
        this.targets = targets;
        this.executor = executor;
        this.lookup = lookup;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        String scheme = context.get(Destination.CONTEXT_KEY) instanceof Destination destination
                ? destination.getOrigin().getScheme()
                : "";
        try {
            // A lookup may block for seconds: never on the client's selector thread.
            executor.execute(() -> resolveNow(scheme, host, port, promise));
        } catch (RejectedExecutionException e) {
            promise.failed(e);
        }
    }

    /** Resolves and checks {@code host} on the calling thread. */
    void resolveNow(String scheme, String host, int port, Promise<List<InetSocketAddress>> promise) {
        List<InetSocketAddress> checked;
        try {
            InetAddress[] addresses = lookup.addresses(stripBrackets(host));
            for (InetAddress address : addresses) {
                if (!targets.permits(scheme, host, port, address)) {
                    promise.failed(new RefusedAddress(host, port, address));
                    return;
                }
            }
            checked = java.util.Arrays.stream(addresses)
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        } catch (UnknownHostException | RuntimeException e) {
            promise.failed(e);
            return;
        }
        if (checked.isEmpty()) promise.failed(new UnknownHostException(host));
        else promise.succeeded(checked);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
