package tochka.acquiring.cli.remote;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a JWT key says about itself, read without verifying it (only the bank can): the bank's keys carry their
 * client_id as {@code iss} and, when they expire, {@code exp}.
 */
record TokenClaims(@Nullable String clientId, @Nullable Instant expiresAt) {

    /** The claims of {@code token}; empty for a token that is not a JWT, like {@code sandbox.jwt.token}. */
    static Optional<TokenClaims> of(@Nullable String token) {
        if (token == null || token.length() > 16 * 1024) return Optional.empty();
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            return Optional.of(new TokenClaims(
                    claims.getIssuer(),
                    claims.getExpirationTime() == null
                            ? null
                            : claims.getExpirationTime().toInstant()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code token} for the screen: its first six and last four characters, never the whole (unless asked). */
    static String mask(@Nullable String token) {
        if (token == null || token.isEmpty()) return "(none)";
        if (token.length() <= 16)
            return token.equals(tochka.acquiring.client.TochkaClient.SANDBOX_TOKEN) ? token : "****";
        return token.substring(0, 6) + "…" + token.substring(token.length() - 4) + " (" + token.length()
                + " characters)";
    }
}
