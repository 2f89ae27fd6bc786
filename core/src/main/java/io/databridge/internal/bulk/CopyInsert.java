package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The COPY strategy of {@link BulkInsert}, for large loads: ids drawn by the id column's default and read back, or
 * allocated up front in one statement ({@code nextval} over {@code generate_series}), then the rows streamed through
 * {@code COPY ... FROM STDIN}. The returned entities hold the ids, version {@code 0}, the transaction's timestamps and
 * the values as sent. Thread-safe.
 */
final class CopyInsert {

    private final JdbcExecutor executor;

    CopyInsert(JdbcExecutor executor) {
        this.executor = executor;
    }

    /**
     * The COPY path. The server is the bottleneck of a bulk load (parsing, heap and index inserts), so the client does
     * its per-row work, reading the entity and encoding its row, while the rows stream; only columns whose codec must
     * produce the text (and may refuse the value) are encoded before anything is sent.
     */
    <T> @Nullable List<T> copy(
            Connection connection,
            String task,
            EntityModel<T> model,
            BulkInsertSql sql,
            List<T> input,
            boolean generated)
            throws SQLException {
        List<PropertyModel> copyColumns = sql.copyColumns();
        List<BulkColumn> columns = new ArrayList<>(sql.columns().size() + 1);
        columns.add(sql.assignedId());
        columns.addAll(sql.columns());
        int count = input.size();
        @Nullable Object[][] values = new Object[count][];
        Object[][] arrays = null;
        if (columns.subList(generated ? 1 : 0, columns.size()).stream().anyMatch(BulkColumn::text)) {
            for (int r = 0; r < count; r++) {
                values[r] = model.values(input.get(r));
            }
            List<BulkColumn> textColumns = new ArrayList<>(columns);
            if (generated) {
                textColumns.set(0, null);
            }
            arrays = encodeText(textColumns, values);
        }
        PropertyModel id = model.id();
        int firstComputed = columns.size();
        @Nullable Object[] computed = new Object[copyColumns.size()];
        @Nullable Object[] computedText = new Object[copyColumns.size()];
        Long before = generated ? sequenceBefore(connection, model, sql, copyColumns, computed, computedText) : null;
        Object[] ids = null;
        if (before == null) {
            try (PreparedStatement statement = connection.prepareStatement(sql.allocate())) {
                DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
                statement.setString(1, model.qualifiedTable());
                statement.setString(2, id.columnName());
                statement.setInt(3, generated ? count : 0);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    ids = generated ? InsertedRows.allocatedRange(rows, id, count) : null;
                    InsertedRows.readComputed(rows, copyColumns, firstComputed, computed, computedText);
                }
            }
        }
        int first = before == null ? 0 : 1;
        String copyText = before == null ? sql.copy() : sql.copyWithoutId();
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyText);
            try {
                CopyTextBuffer buffer = new CopyTextBuffer(copy);
                for (int r = 0; r < count; r++) {
                    Object[] row = values[r];
                    if (row == null) {
                        row = model.values(input.get(r));
                        values[r] = row;
                    }
                    for (int c = first; c < columns.size(); c++) {
                        if (c > first) {
                            buffer.tab();
                        }
                        Object[] text = arrays == null ? null : arrays[c];
                        if (text != null) {
                            buffer.text((String) text[r]);
                        } else if (c == 0 && ids != null) {
                            buffer.value(ids[r]);
                        } else {
                            BulkColumn column = columns.get(c);
                            buffer.value(column.encode(row[column.index()]));
                        }
                    }
                    for (int c = firstComputed; c < copyColumns.size(); c++) {
                        buffer.tab();
                        buffer.text((String) computedText[c]);
                    }
                    buffer.endRow();
                }
                buffer.flush();
                long rows = copy.endCopy();
                if (rows != count) {
                    throw new IncorrectResultSizeDataAccessException(count, (int) rows);
                }
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException ex) {
            // Translated here, so the failure names the COPY that ran.
            throw executor.translator().translate(task, copyText, ex);
        }
        if (before != null) {
            ids = copiedIds(connection, model, sql, before, count);
        }
        List<T> stored = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            stored.add(
                    InsertedRows.merge(model, input.get(r), values[r], ids, r, copyColumns, firstComputed, computed));
        }
        return stored;
    }

    /**
     * Prepares a COPY whose ids the id column's default draws, when they can be read back: the column is an identity
     * or defaults to its sequence's {@code nextval}, the sequence counts by one, no session caches values of it (so
     * the COPY's values are consecutive unless another session draws in between) and the table has no trigger (which
     * could draw too). Also reads the values of the computed columns.
     *
     * @return the sequence's last value before the COPY, or {@code null} when the ids must be allocated up front
     */
    private @Nullable Long sequenceBefore(
            Connection connection,
            EntityModel<?> model,
            BulkInsertSql sql,
            List<PropertyModel> copyColumns,
            @Nullable Object[] computed,
            @Nullable Object[] computedText)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sequenceState())) {
            DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
            statement.setString(1, model.id().columnName());
            statement.setString(2, model.qualifiedTable());
            statement.setString(3, model.id().columnName());
            statement.setString(4, model.qualifiedTable());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                long last = rows.getLong(1);
                if (rows.wasNull() || !rows.getBoolean(5)) {
                    return null;
                }
                InsertedRows.readComputed(rows, copyColumns, sql.columns().size() + 1, computed, computedText);
                return last;
            }
        }
    }

    /**
     * The ids the id column's default drew during a COPY, in input order. COPY reads its rows in order and evaluates
     * each row's default as it reads it, and a sequence only hands out increasing values, so the ids increase with
     * the input position. When the session's last value is exactly {@code count} past the value read before, no one
     * else drew in between and the ids are that range (no row is read); otherwise the statement reads the ids of the
     * rows this (sub)transaction inserted in that span, which excludes every other session's rows.
     */
    private Object[] copiedIds(Connection connection, EntityModel<?> model, BulkInsertSql sql, long before, int count)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.copiedIds())) {
            DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
            statement.setLong(1, before);
            statement.setLong(2, count);
            statement.setLong(3, before);
            statement.setString(4, model.qualifiedTable());
            statement.setString(5, model.id().columnName());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return InsertedRows.ids(rows.getArray(2), model.id(), before + 1, count);
            }
        }
    }

    /**
     * The codec text forms of the columns that travel as text, before anything is written.
     *
     * @param columns the columns; {@code null} entries and typed columns get no array
     * @return one array per column ({@code null} for the others)
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when a codec refuses a value
     */
    private static Object[][] encodeText(List<@Nullable BulkColumn> columns, @Nullable Object[][] values) {
        Object[][] arrays = new Object[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            BulkColumn column = columns.get(c);
            if (column == null || !column.text()) {
                continue;
            }
            int at = column.index();
            Object[] array = new Object[values.length];
            for (int r = 0; r < array.length; r++) {
                array[r] = column.encode(values[r][at]);
            }
            arrays[c] = array;
        }
        return arrays;
    }
}
