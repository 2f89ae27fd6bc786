package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.ConnectionCallback;
import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.PropertyModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code insertAll}: picks the fastest correct way to insert a collection of entities of one class, all or nothing;
 * each strategy is a class of its own.
 *
 * <ul>
 *   <li><b>unnest</b> ({@link UnnestInsert}, the default): one {@code INSERT ... SELECT FROM unnest(arrays) ... RETURNING} per chunk of
 *       {@value BulkArrays#CHUNK_ROWS} rows, one array parameter per column, returning the stored rows in input order (see
 *       {@link BulkInsertSql} for why the order is guaranteed).
 *   <li><b>COPY</b> ({@link CopyInsert}): from {@value #COPY_THRESHOLD} rows, when ids are assigned or come from a sequence and every
 *       column is written by the call: ids are allocated up front in one statement ({@code nextval} over {@code
 *       generate_series}), then the rows stream through {@code COPY ... FROM STDIN}. The returned entities hold the
 *       allocated ids, version {@code 0}, the transaction's timestamps and the values as sent (COPY returns no rows,
 *       so a value the column rounds, e.g. a numeric scale, is not read back).
 *   <li><b>row by row</b>: when the collection mixes classes or set and unset ids, or a column's codec has no {@link
 *       io.databridge.types.BulkForm}, single inserts in one transaction.
 * </ul>
 *
 * <p>A call that needs more than one statement runs in the caller's transaction, or in its own when there is none; a
 * single unnest statement is atomic by itself and runs as is (no extra {@code BEGIN}/{@code COMMIT} round trips).
 * Thread-safe.
 */
public final class BulkInsert extends BulkOperation {

    /** From this many rows COPY beats unnest (measured by the benchmarks' insert scenarios). */
    static final int COPY_THRESHOLD = 10_000;

    private final Map<Class<?>, BulkInsertSql> statements = new ConcurrentHashMap<>();

    /** The statements of entities inserted with a one-way relation's key, by class name and column. */
    private final Map<List<Object>, BulkInsertSql> keyed = new ConcurrentHashMap<>();

    private final UnnestInsert unnest;
    private final CopyInsert copy;

    /** Per entity with generated integral ids: whether its id column draws from a sequence the bulk paths can find. */
    private final Map<Class<?>, Boolean> sequenced = new ConcurrentHashMap<>();

    public BulkInsert(EntityModels models, JdbcExecutor executor, TransactionTemplate transactions) {
        super(models, executor, transactions);
        this.unnest = new UnnestInsert(executor);
        this.copy = new CopyInsert(executor);
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
        // A composite id has no single column to carry in one array: its rows are written one by one.
        List<T> stored = model == null || model.compositeId()
                ? null
                : bulk(input, model, statements.computeIfAbsent(model.type(), type -> new BulkInsertSql(model)), null);
        return stored != null ? stored : rowByRow(input, single);
    }

    /**
     * Inserts entities of one class with one more column their model does not map: a one-way relation's foreign key
     * in the child's table, written by the insert itself (so the column may be {@code NOT NULL}). Unnest statements
     * only; no row-by-row fallback.
     *
     * @param entities the entities, not empty, all of one class
     * @param column the quoted column
     * @param typedLike the property whose codec carries the key values (the parent's id)
     * @param keys the key of each entity, in order
     * @return the stored entities in input order, or {@code null} when they cannot be inserted in bulk (nothing was
     *     written; the caller inserts them another way)
     */
    public <T> @Nullable List<T> insertAllWithKey(
            List<T> entities, String column, PropertyModel typedLike, List<@Nullable Object> keys) {
        List<T> input = List.copyOf(entities);
        EntityModel<T> model = commonModel(input);
        if (model == null || model.compositeId()) {
            return null;
        }
        int at = model.properties().size();
        BulkInsertSql sql = keyed.computeIfAbsent(
                List.of(model.type(), column),
                name -> new BulkInsertSql(model, BulkColumn.extra(typedLike, column, at)));
        return bulk(input, model, sql, keys);
    }

    /** The bulk paths; {@code null} when the caller must insert row by row (nothing was written). */
    private <T> @Nullable List<T> bulk(
            List<T> input, EntityModel<T> model, BulkInsertSql sql, @Nullable List<@Nullable Object> keys) {
        PropertyModel id = model.id();
        int unset = 0;
        for (T entity : input) {
            if (id.isUnset(id.get(entity))) {
                unset++;
            }
        }
        boolean generated = unset == input.size();
        if ((unset != 0 && !generated)
                || (generated && (!id.generated() || sql.generatedIds() == null))
                || !sql.bulkForms()) {
            // Mixed ids, unset assigned ids (single insert names the problem), no bulk statement for this entity, or a
            // codec without a bulk form.
            return null;
        }
        // Ids drawn by the statements need a sequence they can find; without one, the column draws its ids row by row.
        boolean drawsIds = generated && BulkInsertSql.isIntegral(id.valueType().rawType());
        String task = "insertAll " + model.type().getSimpleName();
        if (input.size() >= COPY_THRESHOLD && sql.copyable()) {
            return transactional(() -> executor.withConnection(
                    task,
                    sql.copy(),
                    connection -> drawsIds && !hasSequence(connection, model)
                            ? null
                            : copy.copy(connection, task, model, sql, input, generated)));
        }
        List<@Nullable Object[]> values = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            @Nullable Object[] row = model.values(input.get(i));
            if (keys != null) {
                row = java.util.Arrays.copyOf(row, row.length + 1);
                row[row.length - 1] = keys.get(i);
            }
            values.add(row);
        }
        boolean bindSequence =
                generated && BulkInsertSql.isIntegral(id.valueType().rawType());
        String idsOnly = generated ? sql.generatedIdsOnly() : sql.assignedIdsOnly();
        String text = idsOnly != null ? idsOnly : generated ? sql.generatedIds() : sql.assignedIds();
        if (text == null) {
            return null;
        }
        ConnectionCallback<@Nullable List<T>> insert = idsOnly != null
                ? connection -> unnest.unnestIdsOnly(connection, model, sql, idsOnly, generated, input, values)
                : connection -> unnest.unnest(connection, model, sql, text, bindSequence, generated, input, values);
        ConnectionCallback<@Nullable List<T>> work =
                connection -> drawsIds && !hasSequence(connection, model) ? null : insert.run(connection);
        return input.size() <= BulkArrays.CHUNK_ROWS
                ? executor.withConnection(task, text, work)
                : transactional(() -> executor.withConnection(task, text, work));
    }

    /**
     * Whether the entity's id column draws from a sequence (owned or named by its default). Asked once per entity, on
     * the connection of its first bulk insert (part of that call, before anything is written); {@code false} makes
     * the call fall back to row-by-row inserts.
     */
    private boolean hasSequence(Connection connection, EntityModel<?> model) throws SQLException {
        Boolean known = sequenced.get(model.type());
        if (known != null) {
            return known;
        }
        boolean found;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + BulkInsertSql.ID_SEQUENCE + " IS NOT NULL")) {
            statement.setString(1, model.qualifiedTable());
            statement.setString(2, model.id().columnName());
            try (ResultSet rows = statement.executeQuery()) {
                found = rows.next() && rows.getBoolean(1);
            }
        }
        sequenced.put(model.type(), found);
        return found;
    }
}
