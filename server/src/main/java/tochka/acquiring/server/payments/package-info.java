/**
 * Payment links: creating, paying, refunding, capturing, expiring and listing them, and their registry.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.payments;

import org.jspecify.annotations.NullMarked;
