package tochka.acquiring.client.webhook;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The keys a verifier checks signatures with: a fixed key, or a key fetched from a URL (possibly starting from a
 * shipped one) and cached. Thread-safe: readers take the current {@link Keys} without locking; fetches happen one at
 * a time under a lock, and never more often than the re-fetch interval, so that forged webhooks cannot make us hammer
 * the key server.
 */
final class KeySource {

    /** The keys as one immutable snapshot, and when they were fetched (or configured). */
    record Keys(List<RSAPublicKey> keys, Instant since) {}

    private final @Nullable KeyFetcher fetcher;
    private final Clock clock;
    private final Duration refetchInterval;
    private final Duration cacheFor;
    private final ReentrantLock fetchLock = new ReentrantLock();

    private volatile @Nullable Keys current;
    /** When the last fetch started, successful or not; written under {@link #fetchLock}. */
    private volatile @Nullable Instant lastFetch;
    /** Why the last fetch failed, to tell a caller who finds no key at all; written under {@link #fetchLock}. */
    private volatile @Nullable WebhookVerificationException lastFailure;

    KeySource(
            @Nullable List<RSAPublicKey> initialKeys,
            @Nullable KeyFetcher fetcher,
            Clock clock,
            Duration refetchInterval,
            Duration cacheFor) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.refetchInterval = refetchInterval;
        this.cacheFor = cacheFor;
        this.current = initialKeys == null ? null : new Keys(initialKeys, clock.instant());
    }

    /**
     * The keys to verify with now: the cached ones, refreshed first when they are older than the cache period (a
     * failed refresh keeps them), or fetched when there are none.
     *
     * @throws WebhookVerificationException when there is no key and none can be fetched
     */
    Keys current() {
        Keys keys = current;
        if (keys == null) return fetchFirst();
        if (fetcher != null
                && !clock.instant().isBefore(keys.since().plus(cacheFor))
                && fetchAllowed()
                // One refresh at a time; the others go on with the cached key meanwhile.
                && fetchLock.tryLock()) {
            try {
                if (keys.equals(current) && fetchAllowed()) {
                    try {
                        fetch();
                    } catch (WebhookVerificationException e) {
                        // The cached key keeps working; the failure is remembered for whoever has no key.
                    }
                }
            } finally {
                fetchLock.unlock();
            }
            Keys refreshed = current;
            return refreshed == null ? keys : refreshed;
        }
        return keys;
    }

    /**
     * Newer keys after {@code tried} failed to verify a signature: another thread's fresh ones, or a fetch now when
     * the keys come from a URL and the last fetch is older than the re-fetch interval; null when there is nothing
     * new to try.
     *
     * @throws WebhookVerificationException when the fetch fails
     */
    @Nullable
    Keys refreshAfter(Keys tried) {
        if (fetcher == null) return null;
        fetchLock.lock();
        try {
            Keys keys = current;
            if (keys != null && !keys.equals(tried)) return keys;
            if (!fetchAllowed()) return null;
            return fetch();
        } finally {
            fetchLock.unlock();
        }
    }

    private Keys fetchFirst() {
        fetchLock.lock();
        try {
            Keys keys = current;
            if (keys != null) return keys;
            WebhookVerificationException failure = lastFailure;
            if (!fetchAllowed() && failure != null) {
                throw new WebhookVerificationException(
                        failure.reason(),
                        failure.getMessage() + " (at " + lastFetch + "; the next try is after " + refetchInterval + ")",
                        failure);
            }
            return fetch();
        } finally {
            fetchLock.unlock();
        }
    }

    /** Fetches under {@link #fetchLock}. */
    private Keys fetch() {
        KeyFetcher source = java.util.Objects.requireNonNull(fetcher, "fetcher");
        Instant started = clock.instant();
        lastFetch = started;
        try {
            Keys keys = new Keys(source.fetch(), started);
            current = keys;
            lastFailure = null;
            return keys;
        } catch (WebhookVerificationException e) {
            lastFailure = e;
            throw e;
        }
    }

    private boolean fetchAllowed() {
        Instant last = lastFetch;
        return last == null || !clock.instant().isBefore(last.plus(refetchInterval));
    }
}
