package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.ConnectionCallback;
import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.PropertyModel.Role;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code insertAll}: picks the fastest correct way to insert a collection of entities of one class, all or nothing.
 *
 * <ul>
 *   <li><b>unnest</b> (the default): one {@code INSERT ... SELECT FROM unnest(arrays) ... RETURNING} per chunk of
 *       {@value #CHUNK_ROWS} rows, one array parameter per column, returning the stored rows in input order (see
 *       {@link BulkInsertSql} for why the order is guaranteed).
 *   <li><b>COPY</b>: from {@value #COPY_THRESHOLD} rows, when ids are assigned or come from a sequence and every
 *       column is written by the call: ids are allocated up front in one statement ({@code nextval} over {@code
 *       generate_series}), then the rows stream through {@code COPY ... FROM STDIN}. The returned entities hold the
 *       allocated ids, version {@code 0}, the transaction's timestamps and the values as sent (COPY returns no rows,
 *       so a value the column rounds, e.g. a numeric scale, is not read back).
 *   <li><b>row by row</b>: when the collection mixes classes or set and unset ids, or a codec binds a value the
 *       bulk paths cannot carry, single inserts in one transaction (the previous behaviour).
 * </ul>
 *
 * <p>A call that needs more than one statement runs in the caller's transaction, or in its own when there is none; a
 * single unnest statement is atomic by itself and runs as is (no extra {@code BEGIN}/{@code COMMIT} round trips).
 * Thread-safe.
 */
public final class BulkInsert {

    /** Rows per unnest statement: bounds the size of one message and of the server's working set. */
    static final int CHUNK_ROWS = 5_000;

    /** From this many rows COPY beats unnest (measured by the benchmarks' insert scenarios). */
    static final int COPY_THRESHOLD = 10_000;

    private final EntityModels models;
    private final JdbcExecutor executor;
    private final TransactionTemplate transactions;
    private final Map<Class<?>, BulkInsertSql> statements = new ConcurrentHashMap<>();

    public BulkInsert(EntityModels models, JdbcExecutor executor, TransactionTemplate transactions) {
        this.models = models;
        this.executor = executor;
        this.transactions = transactions;
    }

    /**
     * Inserts the entities.
     *
     * @param entities the entities, not empty
     * @param single inserts one entity (the row-by-row fallback)
     * @return the stored entities in input order
     */
    public <T> List<T> insertAll(Collection<T> entities, UnaryOperator<T> single) {
        List<T> input = List.copyOf(entities);
        EntityModel<T> model = commonModel(input);
        if (model == null) {
            return rowByRow(input, single);
        }
        BulkInsertSql sql = statements.computeIfAbsent(model.type(), type -> new BulkInsertSql(model));
        PropertyModel id = model.id();
        int unset = 0;
        for (T entity : input) {
            if (id.isUnset(id.get(entity))) {
                unset++;
            }
        }
        boolean generated = unset == input.size();
        if ((unset != 0 && !generated) || (generated && (!id.generated() || sql.generatedIds() == null))) {
            // Mixed ids, unset assigned ids (single insert names the problem), or no bulk statement for this entity.
            return rowByRow(input, single);
        }
        String task = "insertAll " + model.type().getSimpleName();
        if (input.size() >= COPY_THRESHOLD && sql.copyable()) {
            List<T> stored = inTransaction(() -> executor.withConnection(
                    task, sql.copy(), connection -> copy(connection, task, model, sql, input, generated)));
            return stored != null ? stored : rowByRow(input, single);
        }
        List<@Nullable Object[]> values = new ArrayList<>(input.size());
        for (T entity : input) {
            values.add(model.values(entity));
        }
        boolean bindSequence =
                generated && BulkInsertSql.isIntegral(id.valueType().rawType());
        String idsOnly = generated ? sql.generatedIdsOnly() : sql.assignedIdsOnly();
        String text = idsOnly != null ? idsOnly : generated ? sql.generatedIds() : sql.assignedIds();
        if (text == null) {
            return rowByRow(input, single);
        }
        ConnectionCallback<@Nullable List<T>> work = idsOnly != null
                ? connection -> unnestIdsOnly(connection, model, sql, idsOnly, generated, input, values)
                : connection -> unnest(connection, model, sql, text, bindSequence, generated, input, values);
        List<T> stored = input.size() <= CHUNK_ROWS
                ? executor.withConnection(task, text, work)
                : inTransaction(() -> executor.withConnection(task, text, work));
        return stored != null ? stored : rowByRow(input, single);
    }

    private <R> @Nullable R inTransaction(Supplier<@Nullable R> work) {
        return transactions.execute(status -> work.get());
    }

    private <T> List<T> rowByRow(List<T> input, UnaryOperator<T> single) {
        List<T> stored = transactions.execute(status -> {
            List<T> result = new ArrayList<>(input.size());
            for (T entity : input) {
                result.add(single.apply(entity));
            }
            return result;
        });
        return stored == null ? List.of() : stored;
    }

    /** Returns {@code null} when a value cannot be carried (the caller falls back before anything was written). */
    private <T> @Nullable List<T> unnest(
            Connection connection,
            EntityModel<T> model,
            BulkInsertSql sql,
            String text,
            boolean bindSequence,
            boolean generated,
            List<T> input,
            List<@Nullable Object[]> values)
            throws SQLException {
        List<BulkColumn> columns = unnestColumns(sql, generated);
        Object[][] arrays = encode(connection, columns, values);
        if (arrays == null) {
            return null;
        }
        List<T> stored = new ArrayList<>(input.size());
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
            for (int from = 0; from < input.size(); from += CHUNK_ROWS) {
                int to = Math.min(input.size(), from + CHUNK_ROWS);
                bindChunk(connection, statement, model, bindSequence, columns, arrays, from, to);
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
            }
        }
        return stored;
    }

    /** The array columns of an unnest statement: the assigned id (when the database does not generate it), then the rest. */
    private static List<BulkColumn> unnestColumns(BulkInsertSql sql, boolean generated) {
        List<BulkColumn> columns = new ArrayList<>(sql.columns().size() + 1);
        if (!generated) {
            columns.add(sql.assignedId());
        }
        columns.addAll(sql.columns());
        return columns;
    }

    /**
     * Binds one chunk of an unnest statement: the sequence's table and column when ids come from it, then one array per
     * column holding rows {@code from} to {@code to}.
     */
    private static void bindChunk(
            Connection connection,
            PreparedStatement statement,
            EntityModel<?> model,
            boolean bindSequence,
            List<BulkColumn> columns,
            Object[][] arrays,
            int from,
            int to)
            throws SQLException {
        int index = 1;
        if (bindSequence) {
            statement.setString(index++, model.qualifiedTable());
            statement.setString(index++, model.id().columnName());
        }
        for (int c = 0; c < columns.size(); c++) {
            Object[] chunk = chunk(columns.get(c), arrays[c], from, to);
            statement.setArray(index++, connection.createArrayOf(columns.get(c).elementType(), chunk));
        }
    }

    /**
     * The unnest path of entities whose stored row is the row sent: each statement returns the ids in input order and
     * the computed values, not the rows.
     */
    private <T> @Nullable List<T> unnestIdsOnly(
            Connection connection,
            EntityModel<T> model,
            BulkInsertSql sql,
            String text,
            boolean generated,
            List<T> input,
            List<@Nullable Object[]> values)
            throws SQLException {
        List<BulkColumn> columns = unnestColumns(sql, generated);
        Object[][] arrays = encode(connection, columns, values);
        if (arrays == null) {
            return null;
        }
        List<PropertyModel> copyColumns = sql.copyColumns();
        int firstComputed = 1 + sql.columns().size();
        List<T> stored = new ArrayList<>(input.size());
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            DataSourceUtils.applyTransactionTimeout(statement, executor.dataSource());
            for (int from = 0; from < input.size(); from += CHUNK_ROWS) {
                int to = Math.min(input.size(), from + CHUNK_ROWS);
                bindChunk(connection, statement, model, generated, columns, arrays, from, to);
                @Nullable Object[] computed = new Object[copyColumns.size()];
                Object[] ids = null;
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (generated) {
                        ids = ids(rows.getArray(1), model.id(), rows.getLong(5), to - from);
                    }
                    readComputed(rows, copyColumns, firstComputed, computed, null);
                }
                for (int r = from; r < to; r++) {
                    stored.add(merge(
                            model, input.get(r), values.get(r), ids, r - from, copyColumns, firstComputed, computed));
                }
            }
        }
        return stored;
    }

    /**
     * Reads the values of the computed columns from a row of {@link BulkInsertSql#allocate()}'s shape.
     *
     * @param text receives each value's text form, when not {@code null}
     */
    private static void readComputed(
            ResultSet rows,
            List<PropertyModel> copyColumns,
            int first,
            @Nullable Object[] computed,
            @Nullable Object @Nullable [] text)
            throws SQLException {
        for (int c = first; c < copyColumns.size(); c++) {
            PropertyModel property = copyColumns.get(c);
            int column =
                    property.role() == Role.VERSION ? 4 : "LOCALTIMESTAMP".equals(property.insertExpression()) ? 3 : 2;
            computed[c] = Rows.read(rows, column, property);
            if (text != null) {
                text[c] = rows.getString(column);
            }
        }
    }

    /**
     * The stored entity of an input row: the values sent, the allocated id, the computed values. A class entity only
     * has the values the database added set (the rest are the values it sent); a record is rebuilt.
     */
    private static <T> T merge(
            EntityModel<T> model,
            T entity,
            @Nullable Object[] row,
            Object @Nullable [] ids,
            int idIndex,
            List<PropertyModel> copyColumns,
            int firstComputed,
            @Nullable Object[] computed) {
        if (!model.isRecord()) {
            if (ids != null) {
                model.id().set(entity, ids[idIndex]);
            }
            for (int c = firstComputed; c < copyColumns.size(); c++) {
                copyColumns.get(c).set(entity, computed[c]);
            }
            return entity;
        }
        if (ids != null) {
            row[model.id().index()] = ids[idIndex];
        }
        for (int c = firstComputed; c < copyColumns.size(); c++) {
            row[copyColumns.get(c).index()] = computed[c];
        }
        return model.merge(entity, row);
    }

    static Object[] chunk(BulkColumn column, Object[] all, int from, int to) {
        if (from == 0 && to == all.length) {
            return all;
        }
        Object[] chunk = column.newArray(to - from);
        System.arraycopy(all, from, chunk, 0, to - from);
        return chunk;
    }

    /**
     * One Java array per column: typed values as they are, other values as their codec's text form.
     *
     * @return the arrays, or {@code null} when a codec binds a value no bulk path can carry
     */
    static Object @Nullable [][] encode(
            Connection connection, List<BulkColumn> columns, List<@Nullable Object[]> values) throws SQLException {
        Object[][] arrays = new Object[columns.size()][];
        BoundValueCapture capture = null;
        for (int c = 0; c < columns.size(); c++) {
            BulkColumn column = columns.get(c);
            PropertyModel property = column.property();
            int at = property.index();
            Object[] array = column.newArray(values.size());
            if (column.text()) {
                if (capture == null) {
                    capture = new BoundValueCapture(connection);
                }
                for (int r = 0; r < array.length; r++) {
                    Object text = capture.text(property, values.get(r)[at]);
                    if (text == BoundValueCapture.UNSUPPORTED) {
                        return null;
                    }
                    array[r] = text;
                }
            } else {
                boolean string = column.elementType().equals("text");
                for (int r = 0; r < array.length; r++) {
                    Object value = values.get(r)[at];
                    if (string && value != null) {
                        checkText(property, (String) value);
                    }
                    array[r] = value;
                }
            }
            arrays[c] = array;
        }
        return arrays;
    }

    /** The String codec's own check, with its message: PostgreSQL text cannot hold U+0000. */
    private static void checkText(PropertyModel property, String value) {
        if (value.indexOf(0) >= 0) {
            throw new InvalidDataAccessApiUsageException("Cannot bind " + property.qualifiedName()
                    + " (String): PostgreSQL text cannot contain the NUL character (\\u0000); remove it, or store the"
                    + " value as byte[] (bytea)");
        }
    }

    /**
     * The COPY path. The server is the bottleneck of a bulk load (parsing, heap and index inserts), so the client does
     * its per-row work, reading the entity and encoding its row, while the rows stream; only columns whose codec must
     * produce the text (and may refuse the value) are encoded before anything is sent.
     */
    private <T> @Nullable List<T> copy(
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
            arrays = encodeText(connection, textColumns, values);
            if (arrays == null) {
                return null;
            }
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
                    ids = generated ? allocatedRange(rows, id, count) : null;
                    readComputed(rows, copyColumns, firstComputed, computed, computedText);
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
                            PropertyModel property = columns.get(c).property();
                            Object value = row[property.index()];
                            if (value instanceof String string) {
                                checkText(property, string);
                            }
                            buffer.value(value);
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
            stored.add(merge(model, input.get(r), values[r], ids, r, copyColumns, firstComputed, computed));
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
                readComputed(rows, copyColumns, sql.columns().size() + 1, computed, computedText);
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
                return ids(rows.getArray(2), model.id(), before + 1, count);
            }
        }
    }

    /**
     * The codec text forms of the columns that travel as text, before anything is written.
     *
     * @param columns the columns; {@code null} entries and typed columns get no array
     * @return one array per column ({@code null} for the others), or {@code null} when a codec binds a value no bulk
     *     path can carry
     */
    private static Object @Nullable [][] encodeText(
            Connection connection, List<@Nullable BulkColumn> columns, @Nullable Object[][] values)
            throws SQLException {
        Object[][] arrays = new Object[columns.size()][];
        BoundValueCapture capture = new BoundValueCapture(connection);
        for (int c = 0; c < columns.size(); c++) {
            BulkColumn column = columns.get(c);
            if (column == null || !column.text()) {
                continue;
            }
            PropertyModel property = column.property();
            int at = property.index();
            Object[] array = new Object[values.length];
            for (int r = 0; r < array.length; r++) {
                Object text = capture.text(property, values[r][at]);
                if (text == BoundValueCapture.UNSUPPORTED) {
                    return null;
                }
                array[r] = text;
            }
            arrays[c] = array;
        }
        return arrays;
    }

    /**
     * The ids of a {@link BulkInsertSql#allocate()} row, smallest first: a range when they are contiguous (the usual
     * case), else the array a concurrent inserter's gaps made the statement return.
     */
    private static Object[] allocatedRange(ResultSet rows, PropertyModel id, int expected) throws SQLException {
        Array spread = rows.getArray(1);
        Object[] ids = ids(spread, id, rows.getLong(5), expected);
        if (spread != null) {
            // array_agg keeps no order without an ORDER BY, which would sort in the usual range case too.
            Arrays.sort(ids);
        }
        return ids;
    }

    /** The ids of a statement that returns them as an array only when they are not the range from {@code first}. */
    private static Object[] ids(@Nullable Array spread, PropertyModel id, long first, int count) throws SQLException {
        return spread != null
                ? allocatedIds(spread, id, count)
                : range(id.valueType().rawType(), first, count);
    }

    private static Object[] range(Class<?> type, long first, int count) {
        Object[] ids = new Object[count];
        for (int i = 0; i < count; i++) {
            ids[i] = boxId(type, first + i);
        }
        return ids;
    }

    private static Object boxId(Class<?> type, long value) {
        if (type == Long.class || type == long.class) {
            return value;
        }
        return type == Integer.class || type == int.class ? (Object) Math.toIntExact(value) : (Object) (short) value;
    }

    private static Object[] allocatedIds(Array array, PropertyModel id, int expected) throws SQLException {
        try {
            Object[] raw = (Object[]) array.getArray();
            if (raw.length != expected) {
                throw new IncorrectResultSizeDataAccessException(expected, raw.length);
            }
            Class<?> type = id.valueType().rawType();
            if (type == Long.class || type == long.class) {
                return raw;
            }
            Object[] ids = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                ids[i] = boxId(type, ((Number) raw[i]).longValue());
            }
            return ids;
        } finally {
            array.free();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> @Nullable EntityModel<T> commonModel(List<T> input) {
        Class<?> type = null;
        for (T entity : input) {
            if (entity == null) {
                throw new IllegalArgumentException("entities must not contain null");
            }
            if (type == null) {
                type = entity.getClass();
            } else if (type != entity.getClass()) {
                return null;
            }
        }
        return type == null ? null : (EntityModel<T>) models.get(type);
    }
}
