/**
 * The shared kernel every feature stands on: money, the bank's error, ids, the server's clock and the database.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.core;

import org.jspecify.annotations.NullMarked;
