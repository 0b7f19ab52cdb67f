package tochka.acquiring.server.reliability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tochka.acquiring.testkit.WebhookReceiver;

/**
 * What a webhook receiver got, read as the merchant would: each body a JWT that must verify with the server's
 * public key. An event is one signed token (every attempt of an event sends the same token), so deliveries per
 * event are counted per token.
 */
final class Deliveries {

    /** One payment webhook: the operation and the status it announces. */
    record Announcement(String operationId, String status) {}

    private final Map<String, List<Long>> arrivalsByToken = new HashMap<>();
    private final Map<String, Announcement> announcementByToken = new HashMap<>();
    private final List<String> badSignatures = new ArrayList<>();

    private Deliveries() {}

    /** Reads everything {@code receiver} got so far, verifying each with {@code publicKey}. */
    static Deliveries of(WebhookReceiver receiver, RSAKey publicKey) {
        Deliveries deliveries = new Deliveries();
        RSASSAVerifier verifier;
        try {
            verifier = new RSASSAVerifier(publicKey);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        for (WebhookReceiver.Received received : receiver.history()) {
            try {
                SignedJWT jwt = SignedJWT.parse(received.body());
                if (!jwt.verify(verifier)) {
                    deliveries.badSignatures.add(received.body());
                    continue;
                }
                var claims = jwt.getJWTClaimsSet();
                String operationId = claims.getStringClaim("operationId");
                String status = claims.getStringClaim("status");
                if (operationId == null || status == null) continue;
                deliveries
                        .arrivalsByToken
                        .computeIfAbsent(received.body(), token -> new ArrayList<>())
                        .add(received.nanoTime());
                deliveries.announcementByToken.put(received.body(), new Announcement(operationId, status));
            } catch (ParseException | JOSEException e) {
                deliveries.badSignatures.add(received.body());
            }
        }
        return deliveries;
    }

    /** The announcements (operation, status) received at least once with a valid signature. */
    Set<Announcement> announced() {
        return new HashSet<>(announcementByToken.values());
    }

    List<String> badSignatures() {
        return badSignatures;
    }

    /** Webhook events received (distinct tokens of payment events). */
    int events() {
        return arrivalsByToken.size();
    }

    /** Deliveries of payment events in all. */
    int deliveries() {
        return arrivalsByToken.values().stream().mapToInt(List::size).sum();
    }

    /** How many events arrived how many times: {1: 812, 2: 3} and so on. */
    Map<Integer, Integer> histogram() {
        Map<Integer, Integer> histogram = new java.util.TreeMap<>();
        for (List<Long> arrivals : arrivalsByToken.values()) histogram.merge(arrivals.size(), 1, Integer::sum);
        return histogram;
    }

    /**
     * The extra deliveries that no kill explains: an event may arrive again only when a node was killed between its
     * earlier arrival and the attempt that repeated it (the node died before it could record the 200), so between two
     * arrivals of one event there must be a kill. {@code kills} are {@link System#nanoTime()} stamps.
     */
    List<String> unexplainedDuplicates(List<Long> kills) {
        List<String> unexplained = new ArrayList<>();
        arrivalsByToken.forEach((token, arrivals) -> {
            List<Long> sorted = arrivals.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                long before = sorted.get(i - 1);
                long after = sorted.get(i);
                if (kills.stream().noneMatch(kill -> kill >= before && kill <= after)) {
                    unexplained.add(announcementByToken.get(token) + " arrived again "
                            + Duration.ofNanos(after - before).toMillis() + " ms later with no kill in between");
                }
            }
        });
        return unexplained;
    }

    /** The claims of a webhook body as JSON text, unverified; empty when it is not a JWT. */
    static String claimsOf(String body) {
        try {
            return SignedJWT.parse(body).getPayload().toString();
        } catch (ParseException e) {
            return "";
        }
    }

    /** The server's webhook public key as the bank publishes its own, from a running node. */
    static RSAKey publicKey(Node node) {
        try {
            return RSAKey.parse(node.admin()
                    .get("/doc/openapi/static/keys/public")
                    .expectStatus(200)
                    .body());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
