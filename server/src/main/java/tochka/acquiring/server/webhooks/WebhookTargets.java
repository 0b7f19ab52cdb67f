package tochka.acquiring.server.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where webhooks may go. The bank sends them only over https to port 443; so do we, and only to public addresses,
 * so that a key holder cannot make the server call into the network it runs in (server-side request forgery).
 * Loopback (http or https, any port) is accepted too when the server itself listens on a loopback address: then
 * only someone on the same machine can use it, and a developer receives webhooks on localhost. The operator may
 * allow more with {@linkplain Rule rules} ({@code --webhook-allow}).
 *
 * <p>The URL is checked when a webhook is saved ({@link #problem}) and every address it resolves to is checked on
 * every connection ({@link #permits}, through {@link CheckedResolver}), so a name that later resolves elsewhere
 * (DNS rebinding) is refused at delivery.
 *
 * @param loopback whether loopback addresses are accepted (the server listens on loopback)
 * @param allow what the operator allows beyond that
 */
public record WebhookTargets(boolean loopback, List<Rule> allow) {

    /** Every address, any scheme and port: {@code --webhook-allow-any-url}. */
    public static final List<String> ANY = List.of("0.0.0.0/0", "::/0");

    public WebhookTargets {
        allow = List.copyOf(allow);
    }

    /**
     * The targets of a server listening on {@code listenHost} under {@code policy}: loopback is accepted only when
     * every address {@code listenHost} names is a loopback one.
     */
    public static WebhookTargets of(WebhookPolicy policy, String listenHost) {
        return new WebhookTargets(
                isLoopbackHost(listenHost),
                policy.allow().stream().map(Rule::parse).toList());
    }

    /**
     * One thing the operator allows: a block of addresses ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 10.1.2.3}),
     * any scheme and port; or a host as it is written in the URL ({@code hooks.internal}, {@code 10.1.2.3:8080},
     * {@code [fd00::1]:9000}), any scheme, on that port only when one is given, whatever it resolves to.
     *
     * @param block the addresses, for a block rule
     * @param host the host name, lower case, for a host rule; empty for a block rule
     * @param port the port, or -1 for any
     */
    public record Rule(@Nullable AddressBlock block, String host, int port) {

        /**
         * Reads a rule as {@code --webhook-allow} takes it.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Rule parse(String text) {
            String rule = text.trim();
            if (rule.isEmpty()) throw new IllegalArgumentException("an empty rule");
            if (rule.contains("/")) return new Rule(AddressBlock.parse(rule), "", -1);
            if (AddressBlock.literal(rule).isPresent()) return new Rule(AddressBlock.parse(rule), "", -1);
            int colon = rule.lastIndexOf(':');
            boolean hasPort = colon > 0 && (rule.startsWith("[") ? rule.charAt(colon - 1) == ']' : true);
            String host = hasPort ? rule.substring(0, colon) : rule;
            int port = -1;
            if (hasPort) {
                try {
                    port = Integer.parseInt(rule.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a port: " + rule.substring(colon + 1), e);
                }
                if (port < 1 || port > 65535) throw new IllegalArgumentException("not a port: " + port);
            }
            if (!host.matches("\\[[0-9a-fA-F:.]+]|[0-9A-Za-z_.-]+")) {
                throw new IllegalArgumentException("not a host, host:port or CIDR block: " + text);
            }
            return new Rule(null, normalHost(host), port);
        }

        boolean matches(String host, int port, InetAddress address) {
            if (block != null) return block.contains(address);
            return (this.port == -1 || this.port == port) && normalHost(host).equals(this.host);
        }

        boolean matchesHost(String host, int port) {
            return block == null && this.host.equals(normalHost(host)) && (this.port == -1 || this.port == port);
        }
    }

    /**
     * Why {@code url} cannot be a webhook, or empty when it may be (its host names still have to resolve to
     * permitted addresses when it is called). No lookup happens here.
     */
    public Optional<String> problem(String url) {
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
        int port = port(uri);
        Optional<InetAddress> literal = AddressBlock.literal(host);
        if (literal.isPresent()) {
            return permits(scheme, host, port, literal.get())
                    ? Optional.empty()
                    : Optional.of("url: " + host + " is " + kind(literal.get()) + "; " + RULE);
        }
        if (isLocalhostName(host)) {
            return loopback ? Optional.empty() : Optional.of("url: " + host + " is a loopback address; " + RULE);
        }
        boolean banks = scheme.equals("https") && port == 443;
        boolean allowedHere = allow.stream().anyMatch(rule -> rule.block() != null || rule.matchesHost(host, port));
        if (banks || allowedHere) return Optional.empty();
        return Optional.of(
                scheme.equals("https")
                        ? "url: https webhooks go to port 443 only, as at the bank"
                        : "url: plain http is accepted only to a loopback address (localhost, 127.0.0.1, ::1) when the server"
                                + " listens on loopback; use https on port 443");
    }

    /**
     * Whether a connection for a webhook to {@code scheme://host:port} may go to {@code address}: an operator's rule
     * allows it; or it is a loopback address and loopback is accepted; or it is https to port 443 of a public
     * address.
     */
    public boolean permits(String scheme, String host, int port, InetAddress address) {
        if (allow.stream().anyMatch(rule -> rule.matches(host, port, address))) return true;
        if (isLoopbackAddress(address)) return loopback;
        return "https".equalsIgnoreCase(scheme) && port == 443 && AddressBlock.isPublic(address);
    }

    /** What kind of address {@code address} is, for a message: loopback, private or reserved, or public. */
    static String kind(InetAddress address) {
        if (isLoopbackAddress(address)) return "a loopback address";
        return AddressBlock.isPublic(address) ? "a public address" : "a private or reserved address";
    }

    private static final String RULE = "webhooks go to https on port 443 of a public address (loopback too when the"
            + " server listens on loopback)";

    static int port(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isLoopbackAddress(InetAddress address) {
        return address.isLoopbackAddress();
    }

    /** {@code localhost} and its subdomains name loopback by definition (RFC 6761), whatever a resolver says. */
    private static boolean isLocalhostName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    private static String normalHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        Optional<InetAddress> literal = AddressBlock.literal(name);
        return literal.map(InetAddress::getHostAddress).orElse(name);
    }

    private static boolean isLoopbackHost(String listenHost) {
        try {
            List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getAllByName(listenHost)));
            return !addresses.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
