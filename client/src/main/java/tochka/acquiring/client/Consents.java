package tochka.acquiring.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Consent;
import tochka.acquiring.api.ConsentList;
import tochka.acquiring.api.CreateConsentRequest;
import tochka.acquiring.api.Permission;

/** The key's consents ({@code /consent/v1.0/consents}): what the company allowed the application to do. */
public final class Consents extends Resource {

    private static final String LIST = "/consent/v1.0/consents";
    private static final String ONE = LIST + "/{consentId}";

    Consents(Transport transport) {
        super(transport, null);
    }

    /** Every consent of the key's application. */
    public List<Consent> list() {
        return block(this::listAsync, LIST);
    }

    /** {@link #list()}, asynchronously. */
    public CompletableFuture<List<Consent>> listAsync() {
        return read(LIST, Paths.of("consent/v1.0/consents"), ConsentList.class).thenApply(ConsentList::consents);
    }

    /** One consent by its id. */
    public Consent get(String consentId) {
        return block(() -> getAsync(consentId), ONE);
    }

    /** {@link #get(String)}, asynchronously. */
    public CompletableFuture<Consent> getAsync(String consentId) {
        return read(ONE, Paths.of("consent/v1.0/consents").segment("consentId", consentId), Consent.class);
    }

    /** Asks for a consent to {@code permissions}, valid until {@code expiration} (null: the bank's default). */
    public Consent create(List<Permission> permissions, @Nullable OffsetDateTime expiration) {
        return block(() -> createAsync(permissions, expiration), LIST);
    }

    /** {@link #create(List, OffsetDateTime)}, asynchronously. */
    public CompletableFuture<Consent> createAsync(List<Permission> permissions, @Nullable OffsetDateTime expiration) {
        Objects.requireNonNull(permissions, "permissions");
        if (permissions.isEmpty()) throw new IllegalArgumentException("permissions: name at least one");
        var body = new CreateConsentRequest(
                new CreateConsentRequest.Data(
                        null, null, null, List.copyOf(permissions), expiration == null ? null : expiration.toString()),
                null);
        // Asking twice leaves two consents waiting, harmless: a lost answer may be retried.
        var call = new Transport.Call("POST", LIST, "consent/v1.0/consents", body, Transport.Safety.RETRY);
        // The bank answers a create as it answers the list (ConsentListResponse): the new consent is the one in it.
        return this.<ConsentList>send(call, type(ConsentList.class)).thenApply(list -> {
            if (list.consents().isEmpty()) {
                throw new ServerException(LIST, 200, null, "the bank answered no Consent for the one asked for");
            }
            return list.consents().get(0);
        });
    }
}
