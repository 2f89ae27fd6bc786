package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The options that make a COPY binary. */
    private static final String BINARY = " (FORMAT binary)";

    /**
     * The type of every column of a table, by name: its {@code pg_type} name when it is a base type of {@code
     * pg_catalog}, {@code enum} for an enum type (a name no catalog type has), anything else for the rest (domains,
     * arrays, composites and types of other schemas, which never travel in binary).
     */
    private static final String COLUMN_TYPES = "SELECT a.attname, CASE WHEN t.typtype = 'e' THEN 'enum'"
            + " WHEN t.typtype = 'b' AND t.typnamespace = 'pg_catalog'::regnamespace AND t.typelem = 0 THEN t.typname"
            + " ELSE '' END FROM pg_catalog.pg_attribute AS a JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";

    private final JdbcExecutor executor;

    CopyInsert(JdbcExecutor executor) {
        this.executor = executor;
    }

    /**
     * The COPY path. The server is the bottleneck of a bulk load (parsing, heap and index inserts), so the client does
     * its per-row work, reading the entity and encoding its row, while the rows stream; only columns whose codec must
     * produce the text (and may refuse the value) are encoded before anything is sent in the text format; a binary
     * COPY encodes everything while it streams. A refused value cancels the COPY and fails the call, which rolls back
     * its transaction (or marks the caller's rollback-only, as any failure of a participating call does).
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
        int firstComputed = columns.size();
        BinaryField @Nullable [] fields = binaryFields(connection, model, columns, copyColumns);
        @Nullable Object[][] values = new Object[count][];
        Object[][] arrays = null;
        if (fields == null
                && columns.subList(generated ? 1 : 0, columns.size()).stream().anyMatch(BulkColumn::text)) {
            // The text format: the codecs' text is made (and may be refused) before anything is sent. A binary COPY
            // encodes every value while the rows stream, while the server is busy with the rows before.
            for (int r = 0; r < count; r++) {
                values[r] = model.values(input.get(r));
            }
            List<@Nullable BulkColumn> textColumns = new ArrayList<>(columns);
            if (generated) {
                textColumns.set(0, null);
            }
            arrays = encodeText(textColumns, values);
        }
        PropertyModel id = model.id();
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
        String copyText = (before == null ? sql.copy() : sql.copyWithoutId()) + (fields == null ? "" : BINARY);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyText);
            try {
                if (fields != null) {
                    writeBinary(copy, model, input, values, ids, fields, first, firstComputed, computed);
                } else {
                    writeText(copy, model, input, values, arrays, ids, columns, first, firstComputed, computedText);
                }
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

    /** Streams the rows in the text format; the text of text-form columns was encoded before. */
    private static <T> void writeText(
            CopyIn copy,
            EntityModel<T> model,
            List<T> input,
            @Nullable Object[][] values,
            Object @Nullable [][] arrays,
            Object @Nullable [] ids,
            List<BulkColumn> columns,
            int first,
            int firstComputed,
            @Nullable Object[] computedText)
            throws SQLException {
        CopyTextBuffer buffer = new CopyTextBuffer(copy);
        for (int r = 0; r < input.size(); r++) {
            Object[] row = row(model, input, values, r);
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
            for (int c = firstComputed; c < computedText.length; c++) {
                buffer.tab();
                buffer.text((String) computedText[c]);
            }
            buffer.endRow();
        }
        buffer.flush();
    }

    /**
     * Streams the rows in the binary format: no value becomes text but those stored as text, and the server parses no
     * timestamp, number or uuid.
     */
    private static <T> void writeBinary(
            CopyIn copy,
            EntityModel<T> model,
            List<T> input,
            @Nullable Object[][] values,
            Object @Nullable [] ids,
            BinaryField[] fields,
            int first,
            int firstComputed,
            @Nullable Object[] computed)
            throws SQLException {
        CopyBinaryBuffer buffer = new CopyBinaryBuffer(copy);
        int width = fields.length - first;
        for (int r = 0; r < input.size(); r++) {
            Object[] row = row(model, input, values, r);
            buffer.row(width);
            for (int c = first; c < firstComputed; c++) {
                BinaryField field = fields[c];
                field.write(buffer, c == 0 && ids != null ? ids[r] : row[field.index()]);
            }
            for (int c = firstComputed; c < fields.length; c++) {
                fields[c].write(buffer, computed[c]);
            }
        }
        buffer.finish();
    }

    /** The values of row {@code r}, read from its entity when no earlier pass read them. */
    private static <T> Object[] row(EntityModel<T> model, List<T> input, @Nullable Object[][] values, int r) {
        Object[] row = values[r];
        if (row == null) {
            row = model.values(input.get(r));
            values[r] = row;
        }
        return row;
    }

    /**
     * The binary field of every COPY column, from the types the table's columns have now (read in one statement), or
     * {@code null} when one of them must travel as text and the COPY stays in the text format.
     */
    private BinaryField @Nullable [] binaryFields(
            Connection connection, EntityModel<?> model, List<BulkColumn> columns, List<PropertyModel> copyColumns)
            throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMN_TYPES)) {
            DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
            statement.setString(1, model.qualifiedTable());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        BinaryField[] fields = new BinaryField[copyColumns.size()];
        for (int c = 0; c < fields.length; c++) {
            PropertyModel property = copyColumns.get(c);
            String type = types.get(property.columnName());
            BulkColumn column = c < columns.size() ? columns.get(c) : BulkColumn.of(property);
            BinaryField field = type == null ? null : BinaryField.of(column, type);
            if (field == null) {
                return null;
            }
            fields[c] = field;
        }
        return fields;
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
