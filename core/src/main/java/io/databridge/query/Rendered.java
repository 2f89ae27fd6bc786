package io.databridge.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A rendered query: SQL text, binds in placeholder order, and the reader of its rows. Immutable.
 *
 * @param <R> the row type
 */
record Rendered<R>(String sql, List<Bind> binds, RowReader<R> reader) {

    static <R> Rendered<R> of(SqlRenderer renderer, RowReader<R> reader) {
        renderer.finish();
        return new Rendered<>(renderer.sql.toString(), List.copyOf(renderer.binds), reader);
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            binds.get(i).bindTo(statement, i + 1);
        }
    }

    SqlStatement statement() {
        List<@org.jspecify.annotations.Nullable Object> values = new java.util.ArrayList<>(binds.size());
        for (Bind bind : binds) {
            values.add(bind.value());
        }
        return new SqlStatement(sql, values);
    }
}
