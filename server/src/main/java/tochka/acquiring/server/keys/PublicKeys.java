package tochka.acquiring.server.keys;

import io.javalin.http.HandlerType;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;

/**
 * The server's public signing key, open to anyone: as a JWK Set at {@code /.well-known/jwks.json}, and as one JWK
 * at the path where the bank publishes the key that webhooks are checked against.
 */
public final class PublicKeys implements Endpoints {

    private final SigningKey signingKey;
    private final Responses responses;

    public PublicKeys(SigningKey signingKey, Responses responses) {
        this.signingKey = signingKey;
        this.responses = responses;
    }

    @Override
    public void addTo(Routes routes) {
        routes.page(HandlerType.GET, "/.well-known/jwks.json", ctx -> responses.ok(ctx, signingKey.jwks()));
        routes.page(
                HandlerType.GET, "/doc/openapi/static/keys/public", ctx -> responses.ok(ctx, signingKey.publicJwk()));
    }
}
