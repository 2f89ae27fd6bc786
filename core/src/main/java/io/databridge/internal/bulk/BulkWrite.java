package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code updateAll}, {@code upsertAll}, {@code deleteAll} and {@code deleteAllById}: one statement per chunk of {@value
 * BulkArrays#CHUNK_ROWS} rows, each column one array parameter (see {@link BulkWriteSql}), values encoded by the
 * machinery of {@link BulkInsert}. A call whose outcome must be checked (every row updated, every versioned row
 * deleted) or that needs several statements runs in the caller's transaction or in its own, so a failure leaves
 * nothing changed; returned entities are completed only after every statement succeeded. When a codec binds a value
 * no array can carry, the call falls back to single-row operations in one transaction. Thread-safe.
 */
public final class BulkWrite extends BulkOperation {

    private final Map<Class<?>, BulkWriteSql> statements = new ConcurrentHashMap<>();

    public BulkWrite(EntityModels models, JdbcExecutor executor, TransactionTemplate transactions) {
        super(models, executor, transactions);
    }

    /**
     * Updates the entities by id (and version), all or nothing.
     *
     * @param entities the entities, not empty
     * @param single updates one entity (the fallback)
     * @return the stored entities in input order
     */
    public <T> List<T> updateAll(Collection<T> entities, UnaryOperator<T> single) {
        List<T> input = new ArrayList<>(entities);
        EntityModel<T> model = commonModel(input);
        // A composite id has no single column to carry in one array: its rows are written one by one.
        if (model == null || model.compositeId()) {
            rejectDuplicateIds(input, "update");
            return allInTransaction(() -> each(input, single));
        }
        BulkWriteSql sql = sql(model);
        List<@Nullable Object[]> values = values(model, input, "update", "insert it first, or use save()", true);
        PropertyModel version = model.version();
        if (version != null) {
            for (@Nullable Object[] row : values) {
                if (row[version.index()] == null) {
                    throw new IllegalArgumentException(
                            "Cannot update " + model.type().getName() + ": its @Version '" + version.name()
                                    + "' is null; read the entity before updating it, or use save()");
                }
            }
        }
        String task = "updateAll " + model.type().getSimpleName();
        List<T> stored = allInTransaction(() -> {
            List<@Nullable Object[]> rows = executor.withConnection(
                    task,
                    sql.update(),
                    connection -> readBack(connection, model, sql.update(), sql.updateColumns(), values));
            if (rows == null) {
                return each(input, single);
            }
            if (rows.size() != input.size()) {
                throw version != null
                        ? executor.translator()
                                .optimisticLockingFailure("updateAll of "
                                        + model.type().getName() + " matched "
                                        + rows.size() + " of " + input.size() + " rows by id and version: some were"
                                        + " updated or deleted by another transaction since they were read")
                        : new IncorrectUpdateSemanticsDataAccessException(
                                "Cannot update " + model.type().getName()
                                        + ": " + (input.size() - rows.size()) + " of " + input.size()
                                        + " entities have no row with their id; insert them first, or use upsertAll()");
            }
            return merge(model, input, rows);
        });
        return stored;
    }

    /**
     * Inserts or updates entities with assigned ids and no version, all or nothing.
     *
     * @param entities the entities, not empty
     * @param single saves one entity (the fallback)
     * @return the stored entities in input order
     */
    public <T> List<T> upsertAll(Collection<T> entities, UnaryOperator<T> single) {
        List<T> input = new ArrayList<>(entities);
        EntityModel<T> model = commonModel(input);
        // A composite id has no single column to carry in one array: its rows are written one by one.
        if (model == null || model.compositeId()) {
            for (T entity : input) {
                upsert(models.get(entity.getClass()));
            }
            rejectDuplicateIds(input, "upsert");
            return allInTransaction(() -> each(input, single));
        }
        BulkWriteSql sql = sql(model);
        String text = upsert(model);
        List<@Nullable Object[]> values = values(model, input, "upsert", "assign an id", true);
        String task = "upsertAll " + model.type().getSimpleName();
        String asSent = sql.upsertAsSent();
        if (asSent != null) {
            Supplier<List<T>> counted = () -> {
                long written =
                        executor.withConnection(task, asSent, connection -> write(connection, asSent, sql, values));
                if (written != input.size()) {
                    throw new IncorrectResultSizeDataAccessException(input.size(), (int) written);
                }
                return input;
            };
            return input.size() <= BulkArrays.CHUNK_ROWS ? counted.get() : allInTransaction(counted);
        }
        Supplier<List<T>> work = () -> {
            List<@Nullable Object[]> rows = executor.withConnection(
                    task, text, connection -> readBack(connection, model, text, sql.upsertColumns(), values));
            if (rows == null) {
                return allInTransaction(() -> each(input, single));
            }
            if (rows.size() != input.size()) {
                throw new IncorrectResultSizeDataAccessException(input.size(), rows.size());
            }
            return merge(model, input, rows);
        };
        return input.size() <= BulkArrays.CHUNK_ROWS ? work.get() : allInTransaction(work);
    }

    /**
     * Deletes the entities by id (and version, all or nothing, when they have one).
     *
     * @param entities the entities, not empty
     * @param single deletes one entity (the fallback)
     */
    public <T> void deleteAll(Collection<T> entities, Consumer<T> single) {
        List<T> input = new ArrayList<>(entities);
        EntityModel<T> model = commonModel(input);
        // A composite id has no single column to carry in one array: its rows are written one by one.
        if (model == null || model.compositeId()) {
            allInTransaction(() -> {
                input.forEach(single);
                return List.of();
            });
            return;
        }
        BulkWriteSql sql = sql(model);
        List<@Nullable Object[]> values = values(model, input, "delete", "it was never stored", false);
        String task = "deleteAll " + model.type().getSimpleName();
        BulkColumn version = sql.version();
        if (version == null) {
            List<Object> ids = new ArrayList<>(values.size());
            values.forEach(row -> ids.add(row[model.id().index()]));
            deleteByIds(model, sql, ids, task, () -> {
                input.forEach(single);
                return 0L;
            });
            return;
        }
        // The same entity twice is deleted once; the same id with two versions cannot match twice, and fails.
        Set<List<@Nullable Object>> pairs = new HashSet<>();
        PropertyModel versionProperty = version.property();
        for (@Nullable Object[] row : values) {
            pairs.add(Arrays.asList(row[model.id().index()], row[versionProperty.index()]));
        }
        long expected = pairs.size();
        String text = sql.deleteByIdsAndVersions();
        allInTransaction(() -> {
            Long deleted = executor.withConnection(
                    task, text, connection -> execute(connection, text, List.of(sql.id(), version), values));
            if (deleted == null) {
                input.forEach(single);
            } else if (deleted != expected) {
                throw executor.translator()
                        .optimisticLockingFailure("deleteAll of " + model.type().getName() + " matched " + deleted
                                + " of " + expected + " rows by id and version: some were updated or deleted by"
                                + " another transaction since they were read");
            }
            return List.of();
        });
    }

    /**
     * Deletes the rows with the given ids.
     *
     * @param type the entity type
     * @param ids the ids, not empty
     * @return the number of deleted rows
     */
    public <T> long deleteAllById(Class<T> type, Collection<?> ids, Predicate<Object> single) {
        EntityModel<T> model = models.get(type);
        Class<?> expected = JavaTypes.box(model.id().valueType().rawType());
        for (Object id : ids) {
            if (id == null) {
                throw new IllegalArgumentException("ids of " + type.getName() + " must not contain null");
            }
            if (!expected.isInstance(id)) {
                throw new IllegalArgumentException("id of " + type.getName() + " must be a " + expected.getName()
                        + " but was a " + id.getClass().getName());
            }
        }
        List<?> input = List.copyOf(ids);
        if (model.compositeId()) {
            Long deleted = transactional(() -> input.stream().filter(single).count());
            return deleted == null ? 0 : deleted;
        }
        return deleteByIds(
                model,
                sql(model),
                input,
                "deleteAllById " + type.getSimpleName(),
                () -> input.stream().filter(single).count());
    }

    /**
     * Deletes by id, per chunk; several chunks in a transaction.
     *
     * @param fallback deletes row by row when the id codec binds a value no array can carry
     */
    private long deleteByIds(
            EntityModel<?> model, BulkWriteSql sql, List<?> ids, String task, Supplier<Long> fallback) {
        String text = sql.deleteByIds();
        List<@Nullable Object[]> values = new ArrayList<>(ids.size());
        int at = model.id().index();
        for (Object id : ids) {
            Object[] row = new Object[model.properties().size()];
            row[at] = id;
            values.add(row);
        }
        Supplier<Long> work = () -> {
            Long deleted = executor.withConnection(
                    task, text, connection -> execute(connection, text, List.of(sql.id()), values));
            return deleted != null ? deleted : transactional(fallback::get);
        };
        Long deleted = ids.size() <= BulkArrays.CHUNK_ROWS ? work.get() : transactional(work::get);
        return deleted == null ? 0 : deleted;
    }

    /** Runs {@link BulkWriteSql#upsertAsSent()} per chunk; returns the number of rows written. */
    private long write(Connection connection, String text, BulkWriteSql sql, List<@Nullable Object[]> values)
            throws SQLException {
        Object[][] arrays = BulkArrays.encode(sql.upsertColumns(), values);
        if (arrays == null) {
            throw new IllegalStateException("typed columns are always carried");
        }
        long[] written = {0};
        BulkArrays.inChunks(executor, connection, text, values.size(), (statement, from, to) -> {
            BulkArrays.bindArrays(connection, statement, 1, sql.upsertColumns(), arrays, from, to);
            written[0] += statement.executeUpdate();
        });
        return written[0];
    }

    /** Runs the statement per chunk and reads the returned rows; {@code null} when a value cannot be carried. */
    private @Nullable List<@Nullable Object[]> readBack(
            Connection connection,
            EntityModel<?> model,
            String text,
            List<BulkColumn> columns,
            List<@Nullable Object[]> values)
            throws SQLException {
        Object[][] arrays = BulkArrays.encode(columns, values);
        if (arrays == null) {
            return null;
        }
        List<PropertyModel> properties = model.properties();
        List<@Nullable Object[]> stored = new ArrayList<>(values.size());
        BulkArrays.inChunks(executor, connection, text, values.size(), (statement, from, to) -> {
            BulkArrays.bindArrays(connection, statement, 1, columns, arrays, from, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] row = new Object[properties.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = Rows.read(rows, i + 1, properties.get(i));
                    }
                    stored.add(row);
                }
            }
        });
        return stored;
    }

    /** Runs the statement per chunk; the number of affected rows, or {@code null} when a value cannot be carried. */
    private @Nullable Long execute(
            Connection connection, String text, List<BulkColumn> columns, List<@Nullable Object[]> values)
            throws SQLException {
        Object[][] arrays = BulkArrays.encode(columns, values);
        if (arrays == null) {
            return null;
        }
        long[] affected = {0};
        BulkArrays.inChunks(executor, connection, text, values.size(), (statement, from, to) -> {
            BulkArrays.bindArrays(connection, statement, 1, columns, arrays, from, to);
            affected[0] += statement.executeLargeUpdate();
        });
        return affected[0];
    }

    private static <T> List<T> merge(EntityModel<T> model, List<T> input, List<@Nullable Object[]> rows) {
        List<T> stored = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            stored.add(model.merge(input.get(i), rows.get(i)));
        }
        return stored;
    }

    /** The upsert statement of the entity; rejects entities with a generated id or a version. */
    private String upsert(EntityModel<?> model) {
        String text = sql(model).upsert();
        if (text == null) {
            throw new IllegalArgumentException("Cannot upsert " + model.type().getName() + ": upsertAll takes entities"
                    + " with an assigned @Id and no @Version; use insertAll for new entities and updateAll for"
                    + " stored ones");
        }
        return text;
    }

    private BulkWriteSql sql(EntityModel<?> model) {
        BulkWriteSql sql = statements.get(model.type());
        return sql != null ? sql : statements.computeIfAbsent(model.type(), type -> new BulkWriteSql(model));
    }

    /** The values of every entity; rejects unset ids, and duplicate ids when {@code distinct}, before any SQL. */
    private static <T> List<@Nullable Object[]> values(
            EntityModel<T> model, List<T> input, String operation, String fix, boolean distinct) {
        PropertyModel id = model.id();
        List<@Nullable Object[]> values = new ArrayList<>(input.size());
        Set<Object> ids = new HashSet<>();
        for (T entity : input) {
            Object[] row = model.values(entity);
            Object value = row[id.index()];
            if (value == null || (id.primitive() && value instanceof Number number && number.longValue() == 0)) {
                throw new IllegalArgumentException("Cannot " + operation + " "
                        + model.type().getName() + ": the @Id '" + id.name() + "' of an entity is not set; " + fix);
            }
            if (!ids.add(value) && distinct) {
                throw duplicate(model.type(), operation);
            }
            values.add(row);
        }
        return values;
    }

    private <T> void rejectDuplicateIds(List<T> input, String operation) {
        Set<List<Object>> keys = new HashSet<>();
        for (T entity : input) {
            Object id = models.get(entity.getClass()).id().get(entity);
            if (id != null && !keys.add(List.of(entity.getClass(), id))) {
                throw duplicate(entity.getClass(), operation);
            }
        }
    }

    private static IllegalArgumentException duplicate(Class<?> type, String operation) {
        return new IllegalArgumentException("Cannot " + operation + " " + type.getName()
                + ": two entities of the call have the same @Id; pass each entity once");
    }
}
