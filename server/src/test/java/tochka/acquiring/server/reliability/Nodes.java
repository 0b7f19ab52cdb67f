package tochka.acquiring.server.reliability;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/** The servers the load is spread over, round-robin; a node is out (null) while it is down. */
final class Nodes {

    private final AtomicReferenceArray<@Nullable Node> slots;
    private final AtomicInteger next = new AtomicInteger();

    Nodes(int size) {
        slots = new AtomicReferenceArray<>(size);
    }

    void set(int slot, @Nullable Node node) {
        slots.set(slot, node);
    }

    int size() {
        return slots.length();
    }

    /** The next node that is up, round-robin; {@code null} when none is. */
    @Nullable
    Node next() {
        for (int tries = 0; tries < slots.length(); tries++) {
            Node node = slots.get(Math.floorMod(next.getAndIncrement(), slots.length()));
            if (node != null) return node;
        }
        return null;
    }

    List<Node> up() {
        List<Node> up = new java.util.ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            Node node = slots.get(i);
            if (node != null) up.add(node);
        }
        return up;
    }
}
