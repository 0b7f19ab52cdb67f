package tochka.acquiring.server.core;

import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * How the kernel's types sit in a column, registered once on the {@link Jdbi} of the {@link Database}: an
 * {@link Instant} is epoch milliseconds and {@link Money} is kopecks, both {@code BIGINT}, on SQLite and PostgreSQL
 * alike. Stores bind and map them directly, and a {@code NULL} column reads as a null value.
 */
final class ColumnTypes {

    private ColumnTypes() {}

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<Money>(Types.BIGINT) {
            @Override
            protected Argument build(Money value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setLong(position, value.kopecks());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (resultSet, column, context) -> {
            long millis = resultSet.getLong(column);
            return resultSet.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        jdbi.registerColumnMapper(Money.class, (resultSet, column, context) -> {
            long kopecks = resultSet.getLong(column);
            return resultSet.wasNull() ? null : new Money(kopecks);
        });
    }
}
