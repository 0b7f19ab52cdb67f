/**
 * Jdbi repositories over SQL text: SQLite and PostgreSQL share one Flyway schema.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.store;

import org.jspecify.annotations.NullMarked;
