package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/**
 * The unnest strategy of {@link BulkInsert}: one {@code INSERT ... SELECT FROM unnest(arrays)} per chunk of rows, one
 * array parameter per column, returning the stored rows in input order (see {@link BulkInsertSql} for why the order is
 * guaranteed), or only the ids and computed values when the stored row is the row sent. Thread-safe.
 */
final class UnnestInsert {

    private final JdbcExecutor executor;

    UnnestInsert(JdbcExecutor executor) {
        this.executor = executor;
    }

    /** Returns {@code null} when a value cannot be carried (the caller falls back before anything was written). */
    <T> @Nullable List<T> unnest(
            Connection connection,
            EntityModel<T> model,
            BulkInsertSql sql,
            String text,
            @Nullable String sequence,
            boolean generated,
            List<T> input,
            List<@Nullable Object[]> values)
            throws SQLException {
        List<BulkColumn> columns = unnestColumns(sql, generated);
        Object[][] arrays = BulkArrays.encode(columns, values);
        if (arrays == null) {
            return null;
        }
        List<T> stored = new ArrayList<>(input.size());
        BulkArrays.inChunks(executor, connection, text, input.size(), (statement, from, to) -> {
            bindChunk(connection, statement, sequence, columns, arrays, from, to);
            try (ResultSet rows = statement.executeQuery()) {
                int i = from;
                while (rows.next()) {
                    if (i == to) {
                        throw new IncorrectResultSizeDataAccessException(to - from, i - from + 1);
                    }
                    stored.add(Rows.readInto(rows, model, input.get(i++)));
                }
                if (i != to) {
                    throw new IncorrectResultSizeDataAccessException(to - from, i - from);
                }
            }
        });
        return stored;
    }

    /** The array columns of an unnest statement: the assigned id (when the database does not generate it), then the rest. */
    private static List<BulkColumn> unnestColumns(BulkInsertSql sql, boolean generated) {
        List<BulkColumn> columns = new ArrayList<>(sql.columns().size() + 1);
        if (!generated && !sql.compositeId()) {
            columns.add(sql.assignedId());
        }
        columns.addAll(sql.columns());
        return columns;
    }

    /**
     * Binds one chunk of an unnest statement: the sequence's name when ids come from it, then one array per column
     * holding rows {@code from} to {@code to}.
     */
    private static void bindChunk(
            Connection connection,
            PreparedStatement statement,
            @Nullable String sequence,
            List<BulkColumn> columns,
            Object[][] arrays,
            int from,
            int to)
            throws SQLException {
        int index = 1;
        if (sequence != null) {
            statement.setString(index++, sequence);
        }
        BulkArrays.bindArrays(connection, statement, index, columns, arrays, from, to);
    }

    /**
     * The unnest path of entities whose stored row is the row sent: each statement returns the ids in input order and
     * the computed values, not the rows.
     */
    <T> @Nullable List<T> unnestIdsOnly(
            Connection connection,
            EntityModel<T> model,
            BulkInsertSql sql,
            String text,
            boolean generated,
            @Nullable String sequence,
            List<T> input,
            List<@Nullable Object[]> values)
            throws SQLException {
        List<BulkColumn> columns = unnestColumns(sql, generated);
        Object[][] arrays = BulkArrays.encode(columns, values);
        if (arrays == null) {
            return null;
        }
        List<PropertyModel> copyColumns = sql.copyColumns();
        int firstComputed = 1 + sql.columns().size();
        List<T> stored = new ArrayList<>(input.size());
        BulkArrays.inChunks(executor, connection, text, input.size(), (statement, from, to) -> {
            bindChunk(connection, statement, sequence, columns, arrays, from, to);
            @Nullable Object[] computed = new Object[copyColumns.size()];
            Object[] ids = null;
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (generated) {
                    ids = InsertedRows.ids(rows.getArray(1), model.id(), rows.getLong(5), to - from);
                }
                InsertedRows.readComputed(rows, copyColumns, firstComputed, computed, null);
            }
            for (int r = from; r < to; r++) {
                stored.add(InsertedRows.merge(
                        model, input.get(r), values.get(r), ids, r - from, copyColumns, firstComputed, computed));
            }
        });
        return stored;
    }
}
