package tochka.acquiring.server.keys;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.Hmac;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Settings;
import tochka.acquiring.server.core.Transactions;

/**
 * The operator's admin token, which the test-control and admin APIs require. It is random (or the operator's own),
 * independent of the signing key, and the database keeps only its SHA-256, so every node of a PostgreSQL cluster
 * accepts it and reading the database does not give it. The token itself is shown once, on the start that makes
 * it; {@code tochka serve} keeps it in {@code demo.env} (mode 600) so that a restart goes on showing it.
 */
public final class AdminTokens {

    /** The shortest token an operator may set: shorter ones could be guessed. */
    public static final int MIN_LENGTH = 16;

    private static final String SETTING = "admin_token_sha256";

    private final Transactions db;

    /**
     * The stored hash, read again at most {@link Keys#KEY_FRESHNESS} after it was read: a token set by another
     * node's start holds here within that, and a control call costs no database read.
     */
    private final LoadingCache<String, Optional<String>> storedHashes;

    public AdminTokens(Transactions db) {
        this.db = db;
        this.storedHashes = Caffeine.newBuilder()
                .expireAfterWrite(Keys.KEY_FRESHNESS)
                .build(setting -> db.withHandle(handle -> new Settings(handle).get(setting)));
    }

    /**
     * Makes sure there is an admin token: {@code configured} (non-null) replaces the stored one; otherwise the stored
     * one stays, or on first start a random one is made. Returns the token when this start knows it: the configured
     * or newly made one; null when only its hash is known.
     *
     * @throws IllegalArgumentException when {@code configured} is too short or has characters outside printable ASCII
     */
    public @Nullable String establish(@Nullable String configured) {
        if (configured != null) {
            requireUsable(configured);
            String hash = Hmac.sha256Hex(configured);
            db.useTransaction(handle -> new Settings(handle).replace(SETTING, hash));
            storedHashes.invalidate(SETTING);
            return configured;
        }
        if (storedHash().isPresent()) return null;
        String made = "adm_" + Ids.hex(24).toLowerCase(Locale.ROOT);
        try {
            db.useTransaction(handle -> new Settings(handle).put(SETTING, Hmac.sha256Hex(made)));
            storedHashes.invalidate(SETTING);
            return made;
        } catch (RuntimeException e) {
            if (!Database.isUniqueViolation(e)) throw e;
            storedHashes.invalidate(SETTING);
            return null; // another node made one first: its token, not ours, is the cluster's
        }
    }

    /** Whether {@code token} is the admin token; compared in constant time, as hashes. */
    public boolean matches(@Nullable String token) {
        if (token == null) return false;
        String stored = storedHash().orElse(null);
        return stored != null
                && MessageDigest.isEqual(
                        stored.getBytes(StandardCharsets.US_ASCII),
                        Hmac.sha256Hex(token).getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<String> storedHash() {
        return storedHashes.get(SETTING);
    }

    private static void requireUsable(String token) {
        if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the admin token (TOCHKA_ADMIN_TOKEN, --admin-token) must be at least "
                    + MIN_LENGTH + " printable ASCII characters without spaces");
        }
    }
}
