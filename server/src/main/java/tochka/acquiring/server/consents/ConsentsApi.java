package tochka.acquiring.server.consents;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tochka.acquiring.api.Consent;
import tochka.acquiring.api.ConsentList;
import tochka.acquiring.api.CreateConsentRequest;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.core.Principal;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.http.Bodies;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.http.Wire;

/**
 * {@code /consent/v1.0/consents...} and the legacy {@code /v1.0/consents} of the bank's Postman collection. The
 * spec asks no permission for these; a valid key is still required, and a key sees only its own consents.
 */
public final class ConsentsApi implements Endpoints {

    /** Permissions a consent may ask for: the spec's {@code ExternalConsentTypeEnum} lacks the 1C ones. */
    private static final Set<Permission> REQUESTABLE =
            EnumSet.complementOf(EnumSet.of(Permission.ReadSBPData1C, Permission.EditSBPData1C));

    private final ConsentService consents;
    private final Bodies bodies;
    private final Responses responses;

    public ConsentsApi(ConsentService consents, Bodies bodies, Responses responses) {
        this.consents = consents;
        this.bodies = bodies;
        this.responses = responses;
    }

    /** Under the spec's path and the Postman collection's; the spec asks no permission, only a valid key. */
    @Override
    public void addTo(Routes routes) {
        for (String path : List.of("/consent/v1.0/consents", "/v1.0/consents")) {
            routes.bank(HandlerType.GET, path, null, this::list);
            routes.bank(HandlerType.POST, path, null, this::create);
            routes.bank(HandlerType.GET, path + "/{consentId}", null, this::info);
        }
    }

    void list(Context ctx, Principal principal) {
        Instant now = consents.now();
        var list = consents.list(principal.clientId()).stream()
                .map(consent -> wire(consent, now, true))
                .toList();
        responses.ok(ctx, Envelope.of(new ConsentList(list), responses.self(ctx)));
    }

    void info(Context ctx, Principal principal) {
        var consent = consents.get(ctx.pathParam("consentId"), principal.clientId());
        responses.ok(ctx, Envelope.of(wire(consent, consents.now(), false), responses.self(ctx)));
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
                problems.add(
                        "Data.expirationDateTime",
                        "must be a date-time with offset, e.g." + " 2030-10-03T00:00:00+00:00");
            }
        }
        problems.throwIfAny();
        ConsentRecord consent;
        try {
            consent = consents.request(principal.clientId(), Set.copyOf(permissions), expiresAt);
        } catch (Rejected rejected) {
            throw rejected.at("Data");
        }
        var body = new ConsentList(List.of(wire(consent, consents.now(), true)));
        responses.ok(ctx, Envelope.of(body, responses.self(ctx)));
    }

    /** A consent; {@code isValid} only where the spec's model has it (lists and create, not the single GET). */
    private static Consent wire(ConsentRecord consent, Instant now, boolean withValidity) {
        return new Consent(
                consent.status(),
                Wire.time(consent.createdAt()),
                Wire.time(consent.statusUpdatedAt()),
                consent.permissions().stream().sorted().toList(),
                Wire.timeOrNull(consent.expiresAt()),
                consent.consentId(),
                consent.customerCode(),
                null,
                consent.clientId(),
                withValidity ? consent.isValid(now) : null);
    }
}
