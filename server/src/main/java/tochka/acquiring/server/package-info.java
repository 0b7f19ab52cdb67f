/**
 * The acquiring server: {@link tochka.acquiring.server.Application} wires it from a {@link tochka.acquiring.server.Config}.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server;

import org.jspecify.annotations.NullMarked;
