package tochka.acquiring.server.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Identifiers in the shapes the bank uses. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Ids() {}

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** {@code bytes} random bytes as upper-case hex, e.g. a processing {@code paymentId} of 32 characters. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random).toUpperCase(Locale.ROOT);
    }

    /** {@code prefix} followed by random upper-case letters and digits up to {@code length} characters. */
    public static String alphanumeric(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < length) id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        return id.toString();
    }
}
