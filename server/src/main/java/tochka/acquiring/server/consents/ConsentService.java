package tochka.acquiring.server.consents;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.ConsentStatus;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;

/**
 * Consents of an application (a key's client_id). Issuing a key authorises one consent per company; a new consent
 * asked for through the API waits in AwaitingAuthorisation, as the bank's does until the user confirms it.
 */
public final class ConsentService {

    private final Transactions db;
    private final ServerClock clock;

    public ConsentService(Transactions db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<ConsentRecord> list(String clientId) {
        return db.withHandle(handle -> new ConsentStore(handle).ofClient(clientId));
    }

    /**
     * The consent {@code consentId} of {@code clientId}.
     *
     * @throws Rejected (404) unless the consent exists and belongs to {@code clientId}
     */
    public ConsentRecord get(String consentId, String clientId) {
        return db.withHandle(handle -> new ConsentStore(handle).find(consentId, clientId))
                .orElseThrow(() -> Rejected.notFound("consent " + consentId + " not found"));
    }

    /**
     * Records a consent the application asks for, awaiting the user's authorisation.
     *
     * @throws Rejected (400) when {@code expiresAt} is not in the future
     */
    public ConsentRecord request(String clientId, Set<Permission> permissions, @Nullable Instant expiresAt) {
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw Rejected.invalid("expirationDateTime", expiresAt + " is in the past");
        }
        ConsentRecord consent = new ConsentRecord(
                Ids.uuid(), clientId, null, permissions, ConsentStatus.AwaitingAuthorisation, now, now, expiresAt);
        db.useTransaction(handle -> new ConsentStore(handle).insert(consent));
        return consent;
    }

    /**
     * Authorises, inside the caller's transaction, one consent per company for a newly issued key: what the bank
     * records when a user confirms a key in its console.
     */
    public static void authoriseIn(
            Handle handle,
            String clientId,
            Set<String> customerCodes,
            Set<Permission> permissions,
            Instant now,
            @Nullable Instant expiresAt) {
        ConsentStore consents = new ConsentStore(handle);
        for (String code : customerCodes.stream().sorted().toList()) {
            consents.insert(new ConsentRecord(
                    Ids.uuid(), clientId, code, permissions, ConsentStatus.Authorised, now, now, expiresAt));
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
