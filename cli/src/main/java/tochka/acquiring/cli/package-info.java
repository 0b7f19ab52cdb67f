/**
 * The {@code tochka} command ({@link tochka.acquiring.cli.TochkaCli}): the server, its keys and users, and the API
 * commands of {@link tochka.acquiring.cli.remote}. Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.cli;

import org.jspecify.annotations.NullMarked;
