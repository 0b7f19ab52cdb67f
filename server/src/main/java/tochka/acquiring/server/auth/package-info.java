/**
 * JWT keys: the server's signing key, issuing, revoking, and authenticating requests.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.auth;

import org.jspecify.annotations.NullMarked;
