package tochka.acquiring.server.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The one clock every part of the server reads. It follows a base clock, plus an offset that the test-control API
 * may move forward (to expire links without waiting); it never moves back.
 *
 * <p>A server's clock keeps its offset in the database ({@link #persisted}), so a restart does not move time back and
 * every node of a PostgreSQL cluster runs on the same time. Reading the database on every {@link #instant()} would
 * cost a query per call, often from inside another transaction; instead each node keeps the offset in memory and
 * {@link #refresh()}es it at the start of every request and about once a second in the background. So a request
 * that begins after an advance has been answered, on whichever node, sees the advanced time; a background job
 * (webhook dispatch, expiry sweep) may lag behind by up to a second.
 */
public final class ServerClock extends Clock {

    private final Clock base;
    private final @Nullable Transactions database;
    private final boolean otherNodes;
    private final AtomicLong offsetMillis = new AtomicLong();

    /** A clock whose offset lives in this object only: for offline tools and unit tests. */
    public ServerClock(Clock base) {
        this(base, null, false);
    }

    private ServerClock(Clock base, @Nullable Transactions database, boolean otherNodes) {
        this.base = base;
        this.database = database;
        this.otherNodes = otherNodes;
    }

    /**
     * A clock whose offset is kept in {@code database}. {@code otherNodes}: whether other server processes may move it
     * too (PostgreSQL), so {@link #refresh()} must look; on SQLite this process is the only writer and never needs to.
     */
    public static ServerClock persisted(Clock base, Transactions database, boolean otherNodes) {
        ServerClock clock = new ServerClock(base, database, otherNodes);
        clock.offsetMillis.set(database.withHandle(handle -> new ClockStore(handle).offsetMillis()));
        return clock;
    }

    /** Moves time forward by {@code amount}, on every node sharing the database; returns the new now. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("amount < 0: " + amount);
        Transactions shared = database;
        if (shared == null) {
            offsetMillis.addAndGet(amount.toMillis());
        } else {
            long offset = shared.inTransaction(handle -> new ClockStore(handle).advance(amount.toMillis()));
            offsetMillis.accumulateAndGet(offset, Math::max);
        }
        return instant();
    }

    /** Takes up an advance made by another node; a no-op where no other node can make one. */
    public void refresh() {
        Transactions shared = database;
        if (shared == null || !otherNodes) return;
        long offset = shared.withHandle(handle -> new ClockStore(handle).offsetMillis());
        offsetMillis.accumulateAndGet(offset, Math::max);
    }

    /**
     * The machine's time, which no advance moves: for what must pass in real time, such as a delivery's lease (an
     * advance must not make an attempt in flight look abandoned).
     */
    public Instant realInstant() {
        return base.instant();
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
