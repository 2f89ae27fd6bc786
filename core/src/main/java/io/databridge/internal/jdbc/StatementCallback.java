package io.databridge.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Work on a prepared statement (bind, execute, read) that may throw the driver's {@link SQLException}; whoever runs it
 * translates the failure.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface StatementCallback<R> {

    /**
     * Binds, executes and reads.
     *
     * @param statement the prepared statement
     * @return the result, which may be null when {@code R} allows it
     * @throws SQLException from the driver
     */
    @Nullable
    R run(PreparedStatement statement) throws SQLException;
}
