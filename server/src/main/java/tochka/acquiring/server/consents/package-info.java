/**
 * Consents: which application may do what for which company.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.consents;

import org.jspecify.annotations.NullMarked;
