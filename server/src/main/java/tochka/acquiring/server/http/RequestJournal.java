package tochka.acquiring.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The last {@link #capacity} calls of the APIs ({@code /uapi}, {@code /sandbox/v2}, {@code /control},
 * {@code /admin}) on this node, in memory, for the console's request log: what was asked and answered, with the
 * bodies cut to {@link #MAX_BODY_BYTES} and masked ({@link BodyMask}) before they are kept. No header is kept, so
 * the {@code Authorization} token never is.
 *
 * <p>It must cost the API almost nothing: no database, no lock. A call takes the next number and writes its entry
 * into a ring of slots ({@code number % capacity}), overwriting the oldest; readers copy the ring. Masking a few
 * kilobytes costs some microseconds, against the milliseconds of the call's own database transaction. A node's
 * journal is its own: behind a load balancer each node shows the calls it served, and a restart empties it.
 */
public final class RequestJournal {

    /** How many calls a node keeps by default. */
    public static final int DEFAULT_CAPACITY = 500;

    /** How much of each body is kept: enough for any of the bank's requests and a page of a list. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** The longest query string kept after the path. */
    static final int MAX_QUERY = 1000;

    /**
     * One call: its number on this node, when it came, the method, the path with its (masked) query, the status,
     * the milliseconds, who made it (a key's client_id, {@code sandbox}, {@code admin}; null when it was refused
     * before anyone was known), and both bodies, masked and cut ({@code ...Cut}: there was more).
     */
    public record Entry(
            long id,
            Instant at,
            String method,
            String path,
            int status,
            long millis,
            @Nullable String clientId,
            String requestBody,
            boolean requestCut,
            String responseBody,
            boolean responseCut) {

        /** Whether the path or a body mentions {@code text} (an operationId, say). */
        public boolean mentions(String text) {
            return path.contains(text) || requestBody.contains(text) || responseBody.contains(text);
        }
    }

    private final int capacity;
    private final Clock clock;
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicReferenceArray<@Nullable Entry> ring;

    public RequestJournal(int capacity, Clock clock) {
        if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
        this.capacity = capacity;
        this.clock = clock;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    public int capacity() {
        return capacity;
    }

    /** Keeps the call {@code ctx} has just answered, made by {@code clientId} and taking {@code millis}. */
    void record(Context ctx, long millis, @Nullable String clientId) {
        Body request = Body.of(ctx.bodyAsBytes());
        Body response = Body.of(ctx.resultInputStream());
        String query = ctx.queryString();
        String path = query == null || query.isEmpty()
                ? ctx.path()
                : ctx.path() + "?" + (query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY) + "...");
        add(
                clock.instant().minusMillis(millis),
                ctx.method().name(),
                BodyMask.mask(path),
                ctx.statusCode(),
                millis,
                clientId,
                request,
                response);
    }

    void add(
            Instant at,
            String method,
            String path,
            int status,
            long millis,
            @Nullable String clientId,
            Body request,
            Body response) {
        long id = numbers.incrementAndGet();
        ring.set(
                (int) (id % capacity),
                new Entry(
                        id,
                        at,
                        method,
                        path,
                        status,
                        millis,
                        clientId,
                        BodyMask.mask(request.text()),
                        request.cut(),
                        BodyMask.mask(response.text()),
                        response.cut()));
    }

    /** The calls kept, newest first. */
    public List<Entry> recent() {
        List<Entry> entries = new ArrayList<>(capacity);
        for (int i = 0; i < capacity; i++) {
            Entry entry = ring.get(i);
            if (entry != null) entries.add(entry);
        }
        entries.sort(Comparator.comparingLong(Entry::id).reversed());
        return entries;
    }

    /** The call numbered {@code id}, while it is kept. */
    public Optional<Entry> find(long id) {
        if (id < 1) return Optional.empty();
        Entry entry = ring.get((int) (id % capacity));
        return entry != null && entry.id() == id ? Optional.of(entry) : Optional.empty();
    }

    /** The calls kept whose path or bodies mention {@code id} (a payment's operationId), newest first. */
    public List<Entry> touching(String id) {
        if (id.isEmpty()) return List.of();
        return recent().stream().filter(entry -> entry.mentions(id)).toList();
    }

    /** A body as kept: its first {@link #MAX_BODY_BYTES} as text, and whether there was more. */
    record Body(String text, boolean cut) {

        static final Body NONE = new Body("", false);

        static Body of(byte @Nullable [] bytes) {
            if (bytes == null || bytes.length == 0) return NONE;
            int kept = Math.min(bytes.length, MAX_BODY_BYTES);
            return new Body(new String(bytes, 0, kept, StandardCharsets.UTF_8), bytes.length > kept);
        }

        /**
         * The response's body when Javalin still holds it: a result set as a string or bytes is kept in a stream
         * that can be read again after it was sent ({@code ctx.result()} does the same); a streamed one is not.
         */
        static Body of(@Nullable InputStream result) {
            if (result == null || !result.markSupported()) return NONE;
            try {
                result.reset();
                byte[] head = result.readNBytes(MAX_BODY_BYTES + 1);
                result.reset();
                int kept = Math.min(head.length, MAX_BODY_BYTES);
                return new Body(new String(head, 0, kept, StandardCharsets.UTF_8), head.length > kept);
            } catch (IOException e) {
                return NONE;
            }
        }
    }
}
