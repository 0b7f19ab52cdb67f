/**
 * Payments, money, companies, keys, sessions and webhooks as plain values, with no framework in sight.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.domain;

import org.jspecify.annotations.NullMarked;
