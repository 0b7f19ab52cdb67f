/**
 * Use cases: each owns its transaction and changes state with guarded single statements.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.service;

import org.jspecify.annotations.NullMarked;
