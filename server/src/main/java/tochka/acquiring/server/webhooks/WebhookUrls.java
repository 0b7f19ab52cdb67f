package tochka.acquiring.server.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may point at. The bank accepts only https on port 443; so do we, and also plain http to a
 * loopback address (localhost, 127.0.0.0/8, ::1) so a developer can receive webhooks on the machine. Other http
 * targets need {@link WebhookPolicy#allowAnyUrl()}: without that guard, any key holder could make the server send
 * requests into the network it runs in (server-side request forgery).
 */
final class WebhookUrls {

    private WebhookUrls() {}

    /** Why {@code url} is not acceptable, or empty when it is. */
    static Optional<String> problem(String url, boolean allowAnyUrl) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url: not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("url: must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) return Optional.of("url: must not carry a user name or password");
        if (allowAnyUrl) return Optional.empty();
        if (scheme.equals("https")) {
            return uri.getPort() == -1 || uri.getPort() == 443
                    ? Optional.empty()
                    : Optional.of("url: https webhooks go to port 443 only, as at the bank");
        }
        return isLoopback(host)
                ? Optional.empty()
                : Optional.of("url: plain http is accepted only to a loopback address (localhost, 127.0.0.1, ::1);"
                        + " use https on port 443, or start the server with --webhook-allow-any-url");
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) return true;
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) return false; // a name other than localhost: never resolved here
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
