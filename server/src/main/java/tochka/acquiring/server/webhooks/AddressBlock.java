package tochka.acquiring.server.webhooks;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}), and the blocks that are not the
 * public internet. A webhook may go by default only to a public address, so that a key holder cannot make the server
 * call into the network it runs in.
 */
record AddressBlock(InetAddress base, int prefix) {

    /**
     * Everything that is not a public unicast address: IANA's special-purpose registries for IPv4 and IPv6, so
     * loopback, private, shared (CGNAT), link-local, unique-local, documentation, benchmarking, multicast, reserved,
     * and the IPv6 forms that carry an IPv4 address inside (mapped, compatible, NAT64, 6to4, Teredo), which are
     * refused whole rather than unpacked.
     */
    static final List<AddressBlock> NOT_PUBLIC = List.of(
            parse("0.0.0.0/8"),
            parse("10.0.0.0/8"),
            parse("100.64.0.0/10"),
            parse("127.0.0.0/8"),
            parse("169.254.0.0/16"),
            parse("172.16.0.0/12"),
            parse("192.0.0.0/24"),
            parse("192.0.2.0/24"),
            parse("192.88.99.0/24"),
            parse("192.168.0.0/16"),
            parse("198.18.0.0/15"),
            parse("198.51.100.0/24"),
            parse("203.0.113.0/24"),
            parse("224.0.0.0/4"),
            parse("240.0.0.0/4"),
            parse("::/96"),
            parse("::ffff:0:0/96"),
            parse("64:ff9b::/96"),
            parse("64:ff9b:1::/48"),
            parse("100::/64"),
            parse("2001::/23"),
            parse("2001:db8::/32"),
            parse("2002::/16"),
            parse("3fff::/20"),
            parse("5f00::/16"),
            parse("fc00::/7"),
            parse("fe80::/10"),
            parse("fec0::/10"),
            parse("ff00::/8"));

    AddressBlock {
        int bits = base.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("prefix must be 0 to " + bits);
    }

    /**
     * {@code address/prefix}, or a single address (the whole prefix).
     *
     * @throws IllegalArgumentException when {@code text} is not an IP address with an optional prefix length
     */
    static AddressBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress base = asWritten(
                address,
                literal(address).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address)));
        int bits = base.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + text.substring(slash + 1), e);
        }
        return new AddressBlock(base, prefix);
    }

    /** Whether {@code address} may be reached as a public internet host. */
    static boolean isPublic(InetAddress address) {
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(address));
    }

    /**
     * {@code text} as an IP address when it is one ({@code 10.0.0.1}, {@code ::1}, {@code [::1]}), without any DNS
     * lookup; empty for a host name. Java reads an IPv4-mapped IPv6 literal as the IPv4 address it maps.
     */
    static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = bare.contains(":") && bare.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] mine = base.getAddress();
        if (candidate.length != mine.length) return false;
        int bits = mine.length * 8;
        BigInteger mask = prefix == 0
                ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
        return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, mine).and(mask));
    }

    @Override
    public String toString() {
        return base.getHostAddress().toLowerCase(Locale.ROOT) + "/" + prefix;
    }

    /**
     * The address as written: Java reads {@code ::ffff:0:0} as the IPv4 address it maps, but as a block it is the
     * IPv6 one (an {@code Inet6Address} carrying a mapped address, as a resolver may hand back, falls in it).
     */
    private static InetAddress asWritten(String text, InetAddress parsed) {
        if (!(parsed instanceof Inet4Address) || !text.contains(":")) return parsed;
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(parsed.getAddress(), 0, v6, 12, 4);
        try {
            return Inet6Address.getByAddress(null, v6, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // sixteen bytes are always an IPv6 address
        }
    }
}
