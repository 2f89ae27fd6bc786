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
import java.util.Optional;
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

    /** Per entity with generated integral ids: the name of the sequence its id column draws from, if the bulk paths find one. */
    private final Map<Class<?>, Optional<String>> sequences = new ConcurrentHashMap<>();

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
        List<T> stored = model == null
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
                    connection -> drawsIds && sequence(connection, model) == null
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
        String idsOnly = generated ? sql.generatedIdsOnly() : sql.assignedIdsOnly();
        String text = idsOnly != null ? idsOnly : generated ? sql.generatedIds() : sql.assignedIds();
        if (text == null) {
            return null;
        }
        // The statement draws ids from the sequence it is given by name: none found, no bulk statement.
        ConnectionCallback<@Nullable List<T>> work = connection -> {
            String sequence = drawsIds ? sequence(connection, model) : null;
            if (drawsIds && sequence == null) {
                return null;
            }
            return idsOnly != null
                    ? unnest.unnestIdsOnly(connection, model, sql, idsOnly, generated, sequence, input, values)
                    : unnest.unnest(connection, model, sql, text, sequence, generated, input, values);
        };
        return input.size() <= BulkArrays.CHUNK_ROWS
                ? executor.withConnection(task, text, work)
                : transactional(() -> executor.withConnection(task, text, work));
    }

    /**
     * The name of the sequence the entity's id column draws from (owned, or named by its default), to bind as {@link
     * BulkInsertSql#SEQUENCE}; {@code null} when there is none. Asked once per entity, on the connection of its first
     * bulk insert (part of that call, before anything is written); {@code null} makes the call fall back to row-by-row
     * inserts.
     */
    private @Nullable String sequence(Connection connection, EntityModel<?> model) throws SQLException {
        Optional<String> known = sequences.get(model.type());
        if (known != null) {
            return known.orElse(null);
        }
        String found = null;
        try (PreparedStatement statement = connection.prepareStatement(BulkInsertSql.SEQUENCE_NAME)) {
            statement.setBoolean(1, model.schema().isEmpty());
            statement.setString(2, model.qualifiedTable());
            statement.setString(3, model.id().columnName());
            statement.setString(4, model.qualifiedTable());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    found = rows.getString(1);
                }
            }
        }
        sequences.put(model.type(), Optional.ofNullable(found));
        return found;
    }
}
