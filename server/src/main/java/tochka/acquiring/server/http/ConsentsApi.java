package tochka.acquiring.server.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tochka.acquiring.api.ConsentList;
import tochka.acquiring.api.CreateConsentRequest;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.auth.Principal;
import tochka.acquiring.server.service.ConsentService;
import tochka.acquiring.server.service.Problems;

/**
 * {@code /consent/v1.0/consents...} and the legacy {@code /v1.0/consents} of the bank's Postman collection. The
 * spec asks no permission for these; a valid key is still required, and a key sees only its own consents.
 */
final class ConsentsApi {

    /** Permissions a consent may ask for: the spec's {@code ExternalConsentTypeEnum} lacks the 1C ones. */
    private static final Set<Permission> REQUESTABLE =
            EnumSet.complementOf(EnumSet.of(Permission.ReadSBPData1C, Permission.EditSBPData1C));

    private final ConsentService consents;
    private final Bodies bodies;
    private final Responses responses;

    ConsentsApi(ConsentService consents, Bodies bodies, Responses responses) {
        this.consents = consents;
        this.bodies = bodies;
        this.responses = responses;
    }

    void list(Context ctx, Principal principal) {
        Instant now = consents.now();
        var list = consents.list(principal.clientId()).stream()
                .map(consent -> Wire.consent(consent, now, true))
                .toList();
        responses.ok(ctx, Envelope.of(new ConsentList(list), responses.self(ctx)));
    }

    void info(Context ctx, Principal principal) {
        var consent = consents.get(ctx.pathParam("consentId"), principal.clientId());
        responses.ok(ctx, Envelope.of(Wire.consent(consent, consents.now(), false), responses.self(ctx)));
    }

    void create(Context ctx, Principal principal) {
        var request = bodies.read(ctx, new TypeReference<CreateConsentRequest>() {});
        // Jackson leaves an absent Data null, whatever the record's type says.
        var data = request.data();
        if (data == null) throw Problems.fieldRequired("Data");
        Problems problems = new Problems();
        List<Permission> permissions = data.permissions();
        if (permissions == null) problems.add("Data.permissions", "field required");
        else if (permissions.isEmpty()) problems.add("Data.permissions", "must contain at least 1 item");
        else if (permissions.stream().anyMatch(permission -> permission == null || !REQUESTABLE.contains(permission))) {
            problems.add("Data.permissions", "ReadSBPData1C and EditSBPData1C cannot be requested");
        }
        if (data.status() != null && !"AwaitingAuthorisation".equals(data.status())) {
            problems.add("Data.status", "must be AwaitingAuthorisation");
        }
        Instant expiresAt = null;
        if (data.expirationDateTime() != null) {
            try {
                OffsetDateTime expiration = OffsetDateTime.parse(data.expirationDateTime());
                if (expiration.getYear() > 9999) throw new DateTimeParseException("too far", "", 0);
                expiresAt = expiration.toInstant();
            } catch (DateTimeParseException e) {
                problems.add("Data.expirationDateTime", "must be a date-time with offset, e.g."
                        + " 2030-10-03T00:00:00+00:00");
            }
        }
        problems.throwIfAny();
        var consent = consents.request(principal.clientId(), Set.copyOf(permissions), expiresAt);
        var body = new ConsentList(List.of(Wire.consent(consent, consents.now(), true)));
        responses.ok(ctx, Envelope.of(body, responses.self(ctx)));
    }
}
