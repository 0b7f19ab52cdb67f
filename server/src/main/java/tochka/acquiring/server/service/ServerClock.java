package tochka.acquiring.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock every part of the server reads. It follows a base clock, plus an offset that the test-control API
 * may move forward (to expire links without waiting); it never moves back.
 */
public final class ServerClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public ServerClock(Clock base) {
        this.base = base;
    }

    /** Moves time forward by {@code amount}; returns the new now. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("amount < 0: " + amount);
        offsetMillis.addAndGet(amount.toMillis());
        return instant();
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock has one zone");
    }
}
