/**
 * The test-control API: pays, declines or expires a link and advances the server's clock, behind the admin token.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.control;

import org.jspecify.annotations.NullMarked;
