package tochka.acquiring.server.users;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with the
 * parameters OWASP recommends for Argon2id: 19 MiB of memory, two passes, one lane. The format carries its
 * parameters, so hashes made with other ones still verify after a change.
 */
final class PasswordHasher {

    private static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    /**
     * A hash of a password no one knows: an unknown login is checked against it, so a sign-in takes the same time
     * whether the login exists or not.
     */
    private static final String NOBODY = ARGON2.encode("no user has this password " + System.nanoTime());

    /**
     * Checks at once: each takes 19 MiB and tens of milliseconds, so a flood of sign-ins must queue here rather
     * than take every thread and the heap.
     */
    private static final Semaphore CHECKS =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private static final Duration QUEUE = Duration.ofSeconds(2);

    /** What a check found; {@link #BUSY} when it could not run in time. */
    enum Verdict {
        MATCH,
        MISMATCH,
        BUSY
    }

    private PasswordHasher() {}

    static String hash(String password) {
        return ARGON2.encode(password);
    }

    static Verdict check(String password, String hash) {
        try {
            if (!CHECKS.tryAcquire(QUEUE.toMillis(), TimeUnit.MILLISECONDS)) return Verdict.BUSY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.BUSY;
        }
        try {
            return ARGON2.matches(password, hash) ? Verdict.MATCH : Verdict.MISMATCH;
        } finally {
            CHECKS.release();
        }
    }

    /** Spends the time a check takes, for a login that does not exist. */
    static Verdict checkNobody(String password) {
        Verdict verdict = check(password, NOBODY);
        return verdict == Verdict.BUSY ? verdict : Verdict.MISMATCH;
    }
}
