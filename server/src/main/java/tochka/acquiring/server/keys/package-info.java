/**
 * JWT keys: issuing, signing, verifying and revoking them, and the admin token.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.keys;

import org.jspecify.annotations.NullMarked;
