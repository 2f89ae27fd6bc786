package io.databridge.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** One bound parameter: the value and how it is written. Immutable. */
record Bind(@Nullable Object value, Binder binder) {

    /** Writes a value into a statement parameter. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException;
    }

    static final Binder OBJECT = (statement, index, value) -> statement.setObject(index, value);
    static final Binder STRING = (statement, index, value) -> statement.setString(index, (String) value);

    @SuppressWarnings("NullAway") // only LIMIT and OFFSET use it, with values that are never null
    static final Binder LONG = (statement, index, value) -> statement.setLong(index, (Long) value);

    @SuppressWarnings("NullAway") // only LIMIT and OFFSET use it, with values that are never null
    static final Binder INT = (statement, index, value) -> statement.setInt(index, (Integer) value);

    void bindTo(PreparedStatement statement, int index) throws SQLException {
        binder.bind(statement, index, value);
    }
}
