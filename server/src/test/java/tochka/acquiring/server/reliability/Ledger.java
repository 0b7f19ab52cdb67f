package tochka.acquiring.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What the clients were told: every payment link whose creation was acknowledged, and for each what was
 * acknowledged since (payment, capture, refunds) and what was in doubt (a request whose answer never came because
 * the server died). {@link #verify} holds a server to it: nothing acknowledged may be missing, nothing refused or
 * never sent may have happened, and refunds never exceed the payment.
 */
final class Ledger {

    /** One payment link as its clients know it; guarded by its own lock. */
    static final class Entry {
        final String operationId;
        final long amountKopecks;
        final boolean twoStage;
        final boolean sbp;
        private boolean paid;
        private boolean paidInDoubt;
        private boolean captured;
        private boolean capturedInDoubt;
        private long refunded;
        private long refundedInDoubt;

        Entry(String operationId, long amountKopecks, boolean twoStage, boolean sbp) {
            this.operationId = operationId;
            this.amountKopecks = amountKopecks;
            this.twoStage = twoStage;
            this.sbp = sbp;
        }

        synchronized boolean paid() {
            return paid;
        }

        synchronized boolean captured() {
            return captured;
        }

        synchronized long refundable() {
            return amountKopecks - refunded;
        }

        synchronized void paidAcknowledged() {
            paid = true;
        }

        synchronized void paidInDoubt() {
            paidInDoubt = true;
        }

        synchronized void capturedAcknowledged() {
            paid = true;
            captured = true;
        }

        synchronized void capturedInDoubt() {
            capturedInDoubt = true;
        }

        synchronized void refundAcknowledged(long kopecks) {
            refunded += kopecks;
        }

        synchronized void refundInDoubt(long kopecks) {
            refundedInDoubt += kopecks;
        }

        /** The statuses whose webhook this link's last known state must have sent (APPROVED, AUTHORIZED). */
        synchronized Set<String> webhookStatuses() {
            Set<String> statuses = new HashSet<>();
            if (!paid) return statuses;
            if (!twoStage || captured) statuses.add("APPROVED");
            if (twoStage) statuses.add("AUTHORIZED");
            return statuses;
        }

        /**
         * Checks {@code operation} (as the server answers it) against what was acknowledged, then takes the server's
         * answer as the new truth: what was in doubt is now known.
         */
        synchronized void verifyAndSettle(JsonNode operation) {
            String what = "payment " + operationId;
            assertThat(kopecks(operation.get("amount").decimalValue()))
                    .as(what + " amount")
                    .isEqualTo(amountKopecks);
            String status = operation.get("status").asText();
            long refundedNow = 0;
            int approvals = 0;
            for (JsonNode order : operation.path("Order")) {
                String type = order.get("type").asText();
                if (type.equals("refund"))
                    refundedNow += kopecks(order.get("amount").decimalValue());
                if (type.equals("approval")) approvals++;
            }
            assertThat(refundedNow).as(what + ": never more refunded than paid").isLessThanOrEqualTo(amountKopecks);
            assertThat(refundedNow)
                    .as(what + ": every acknowledged refund is there, nothing refused or unsent is")
                    .isBetween(refunded, refunded + refundedInDoubt);
            assertThat(approvals).as(what + ": paid at most once").isLessThanOrEqualTo(1);
            boolean paidNow = !status.equals("CREATED") && !status.equals("EXPIRED");
            if (paid)
                assertThat(paidNow)
                        .as(what + " was acknowledged paid, is " + status)
                        .isTrue();
            if (!paid && !paidInDoubt)
                assertThat(paidNow).as(what + " was never paid, is " + status).isFalse();
            boolean capturedNow = twoStage && paidNow && !status.equals("AUTHORIZED");
            if (captured)
                assertThat(capturedNow)
                        .as(what + " was acknowledged captured, is " + status)
                        .isTrue();
            if (twoStage && !captured && !capturedInDoubt) {
                assertThat(capturedNow)
                        .as(what + " was never captured, is " + status)
                        .isFalse();
            }
            if (!twoStage) assertThat(status).as(what).isNotEqualTo("AUTHORIZED");
            String expectedWhenRefunded = refundedNow == amountKopecks ? "REFUNDED" : "REFUNDED_PARTIALLY";
            if (refundedNow > 0) assertThat(status).as(what + " after refunds").isEqualTo(expectedWhenRefunded);

            paid = paidNow;
            captured = capturedNow;
            refunded = refundedNow;
            paidInDoubt = false;
            capturedInDoubt = false;
            refundedInDoubt = 0;
        }
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Entry> order = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong inDoubt = new AtomicLong();

    Entry created(String operationId, long amountKopecks, boolean twoStage, boolean sbp) {
        Entry entry = new Entry(operationId, amountKopecks, twoStage, sbp);
        entries.put(operationId, entry);
        synchronized (order) {
            order.add(entry);
        }
        return entry;
    }

    /** A link chosen at random, the recent ones more often (so links get paid, then refunded, while the load runs). */
    @Nullable
    Entry pick(Random random) {
        synchronized (order) {
            if (order.isEmpty()) return null;
            int recent = Math.min(order.size(), 50);
            return random.nextInt(4) == 0
                    ? order.get(random.nextInt(order.size()))
                    : order.get(order.size() - 1 - random.nextInt(recent));
        }
    }

    void acknowledged() {
        acknowledged.incrementAndGet();
    }

    void inDoubt() {
        inDoubt.incrementAndGet();
    }

    /** Successful answers to writes (create, pay, capture, refund) so far. */
    long acknowledgedCount() {
        return acknowledged.get();
    }

    /** Writes whose answer never came (the server died or could not be reached). */
    long inDoubtCount() {
        return inDoubt.get();
    }

    List<Entry> entries() {
        synchronized (order) {
            return List.copyOf(order);
        }
    }

    /**
     * Reads every link from {@code node} and checks it; returns how many acknowledged links are missing (each is also
     * an assertion failure, so this is 0 when it returns at all).
     */
    int verify(Node node) {
        int missing = 0;
        for (Entry entry : entries()) {
            var answer = node.payment(entry.operationId);
            if (answer.status() == 404) missing++;
            assertThat(answer.status())
                    .as("acknowledged payment %s is still there: %s", entry.operationId, answer.body())
                    .isEqualTo(200);
            entry.verifyAndSettle(answer.data().get("Operation").get(0));
        }
        return missing;
    }

    static long kopecks(BigDecimal roubles) {
        return roubles.movePointRight(2).longValueExact();
    }
}
