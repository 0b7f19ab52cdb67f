/**
 * Companies and their retailers: the bank's customers, what {@code /customers} and {@code /retailers} list.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.directory;

import org.jspecify.annotations.NullMarked;
