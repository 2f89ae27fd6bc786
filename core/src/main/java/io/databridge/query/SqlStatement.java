package io.databridge.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SQL text a query renders and the values it binds, in placeholder order, for inspection and tests. Values are
 * never part of the text. Immutable and thread-safe (the list is unmodifiable; values are what the caller passed).
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param binds the bound values; a value bound as a PostgreSQL array appears as a {@link List}
 */
public record SqlStatement(String sql, List<@Nullable Object> binds) {

    /**
     * Copies the bind list.
     *
     * @param sql the SQL text
     * @param binds the bound values
     */
    public SqlStatement {
        binds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(binds));
    }

    @Override
    public String toString() {
        return sql;
    }
}
