package io.databridge;

import io.databridge.error.PgExceptionTranslator;
import io.databridge.internal.bulk.BulkInsert;
import io.databridge.internal.bulk.BulkWrite;
import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.NPlusOneDetector;
import io.databridge.internal.jdbc.NamedParameters;
import io.databridge.internal.jdbc.QueryExecutor;
import io.databridge.internal.jdbc.ResultMappers;
import io.databridge.internal.jdbc.Rows;
import io.databridge.internal.jdbc.SequenceIds;
import io.databridge.internal.jdbc.StatementObserver;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModelSource;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.EntitySql;
import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.relation.AggregateWriter;
import io.databridge.internal.relation.RelationLoader;
import io.databridge.internal.relation.RelationResolver;
import io.databridge.internal.schema.SchemaManager;
import io.databridge.query.QueryFactory;
import io.databridge.query.SelectQuery;
import io.databridge.transaction.DataBridgeTransactionManager;
import io.databridge.transaction.ReplicaRoutingDataSource;
import io.databridge.transaction.ReplicaRoutingTransactionManager;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine behind {@link DataBridge#create(DataSource)}. Thread-safe.
 */
final class DefaultDataBridge implements DataBridge, EntityModelSource {

    private final EntityModels models;
    private final JdbcExecutor executor;
    private final Map<Class<?>, EntitySql> statements = new ConcurrentHashMap<>();
    private final ResultMappers resultMappers;
    private final TransactionTemplate transactions;
    private final DefaultSchemaOperations schema;
    private final QueryFactory queryFactory;
    private final BulkInsert bulkInsert;
    private final SequenceIds ids;
    private final BulkWrite bulkWrite;
    private final RelationResolver relationResolver;
    private final RelationLoader relationLoader;
    private final AggregateWriter aggregates;

    /** Hooks that must live as long as this engine: the audit trail's listener of refused input. */
    private final List<Object> retained = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Creates the engine.
     *
     * @param dataSource the data source
     * @param models the entity models
     * @param translator the exception translator
     */
    DefaultDataBridge(DataSource dataSource, EntityModels models, PgExceptionTranslator translator) {
        this(dataSource, models, translator, StatementObserver.NONE);
    }

    /**
     * Creates the engine.
     *
     * @param dataSource the data source
     * @param models the entity models
     * @param translator the exception translator
     * @param observer reports each unit of database work
     */
    DefaultDataBridge(
            DataSource dataSource, EntityModels models, PgExceptionTranslator translator, StatementObserver observer) {
        this(dataSource, models, translator, observer, NPlusOneDetector.OFF);
    }

    /**
     * Creates the engine.
     *
     * @param dataSource the data source
     * @param models the entity models
     * @param translator the exception translator
     * @param observer reports each unit of database work
     * @param nPlusOne looks for N+1 in each transaction
     */
    DefaultDataBridge(
            DataSource dataSource,
            EntityModels models,
            PgExceptionTranslator translator,
            StatementObserver observer,
            NPlusOneDetector nPlusOne) {
        this.models = models;
        this.executor = new JdbcExecutor(dataSource, translator, observer, nPlusOne);
        this.resultMappers = new ResultMappers(models);
        // Over replicas, the engine's own transactions (bulk and aggregate writes outside the caller's) record their
        // WAL position at commit like the caller's would, so the thread's later replica reads see them.
        DataBridgeTransactionManager transactionManager = dataSource instanceof ReplicaRoutingDataSource routing
                ? new ReplicaRoutingTransactionManager(routing, translator)
                : new DataBridgeTransactionManager(dataSource, translator);
        transactionManager.setAuditTrail(observer.audit());
        this.transactions = new TransactionTemplate(transactionManager);
        this.relationResolver = new RelationResolver(models);
        this.schema = new DefaultSchemaOperations(new SchemaManager(models, executor, transactions, relationResolver));
        this.bulkInsert = new BulkInsert(models, executor, transactions);
        this.ids = new SequenceIds(executor);
        this.bulkWrite = new BulkWrite(models, executor, transactions);
        this.relationLoader = new RelationLoader(relationResolver, executor);
        this.queryFactory =
                new QueryFactory(new QueryExecutor(models, executor, relationLoader, relationResolver::link));
        this.aggregates = new AggregateWriter(relationResolver, executor, new AggregateWriter.RowWrites() {
            @Override
            public <T> List<T> insertAll(List<T> rows) {
                return rows.isEmpty()
                        ? List.of()
                        : bulkInsert.insertAll(
                                ids.assignAll(model(rows.get(0)), rows), DefaultDataBridge.this::insertRow);
            }

            @Override
            public <T> List<T> updateAll(List<T> rows) {
                if (rows.size() == 1) {
                    // One changed child, the usual save of an aggregate: the single-row update, whose plan the server
                    // keeps (an unnest statement is planned anew on every call, and needs arrays bound), and which
                    // needs no transaction of its own (nothing is written when it matches no row).
                    return List.of(updateRow(rows.get(0)));
                }
                return rows.isEmpty() ? List.of() : bulkWrite.updateAll(rows, DefaultDataBridge.this::updateRow);
            }

            @Override
            public <T> List<T> upsertAll(List<T> rows) {
                return rows.isEmpty() ? List.of() : bulkWrite.upsertAll(rows, DefaultDataBridge.this::saveRow);
            }

            @Override
            public <T> @Nullable List<T> insertAllWithKey(
                    List<T> rows, String column, PropertyModel typedLike, List<@Nullable Object> keys) {
                return rows.isEmpty() ? List.of() : bulkInsert.insertAllWithKey(rows, column, typedLike, keys);
            }
        });
    }

    @Override
    public <T> T insert(T input) {
        EntityModel<T> model = model(input);
        T entity = ids.assign(model, input);
        if (!aggregates.cascades(model)) {
            return insertRow(entity);
        }
        return inTransaction(() -> aggregates
                .saveChildren(model, List.of(entity), List.of(insertRow(entity)), true)
                .get(0));
    }

    private <T> T insertRow(T input) {
        EntityModel<T> model = model(input);
        T entity = ids.assign(model, input);
        EntitySql sql = sql(model);
        Object[] values = model.values(entity);
        PropertyModel id = model.id();
        boolean idUnset = id.isUnset(model.idValue(values));
        if (idUnset && !id.generated()) {
            throw new IllegalArgumentException("Cannot insert " + model.type().getName() + ": its @Id '" + id.name()
                    + "' is not set; assign an id, or annotate it @GeneratedValue");
        }
        String text = idUnset ? sql.insertWithoutId() : sql.insertWithId();
        List<PropertyModel> binds = idUnset ? sql.insertWithoutIdBinds() : sql.insertWithIdBinds();
        return executor.execute("insert " + model.type().getSimpleName(), text, statement -> {
            Rows.bind(statement, binds, values, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Rows.readInto(rows, model, entity);
            }
        });
    }

    @Override
    public <T> List<T> insertAll(Collection<T> entities) {
        if (entities == null) {
            throw new IllegalArgumentException("entities must not be null");
        }
        if (entities.isEmpty()) {
            return List.of();
        }
        EntityModel<T> model = model(entities.iterator().next());
        // Ids generated by data-bridge (UUIDv7, sequence blocks) are assigned before the rows are written, so children
        // can refer to them; a sequence's ids for the whole call are drawn in one statement.
        Collection<T> rows = ids.assignAll(model, entities);
        if (!aggregates.cascades(model)) {
            return bulkInsert.insertAll(rows, this::insertRow);
        }
        List<T> originals = List.copyOf(rows);
        return inTransaction(() ->
                aggregates.saveChildren(model, originals, bulkInsert.insertAll(originals, this::insertRow), true));
    }

    @Override
    public <T> T update(T entity) {
        EntityModel<T> model = model(entity);
        if (!aggregates.cascades(model)) {
            return updateRow(entity);
        }
        return inTransaction(() -> {
            AggregateWriter.OneChangedChild<?> change = aggregates.oneChangedChild(model, entity);
            return change != null
                    ? updateWithChild(model, entity, change)
                    : aggregates
                            .saveChildren(model, List.of(entity), List.of(updateRow(entity)), false)
                            .get(0);
        });
    }

    /**
     * An aggregate update whose only write below the root is one changed child: both single-row updates go in one
     * round trip (one statement text holding both, which pgjdbc sends together), inside the caller's transaction or
     * the engine's, so a failure of either rolls both back.
     */
    private <T, C> T updateWithChild(EntityModel<T> model, T entity, AggregateWriter.OneChangedChild<C> change) {
        EntityModel<C> childModel = change.target();
        C child = change.child();
        Object[] values = updateValues(model, entity);
        Object[] childValues = updateValues(childModel, child);
        EntitySql sql = sql(model);
        EntitySql childSql = sql(childModel);
        // The root and the child as stored, each null when its update matched no row (checked outside the statement).
        @Nullable
        Object[] stored = executor.execute(
                "update " + model.type().getSimpleName() + " and one "
                        + childModel.type().getSimpleName(),
                sql.update() + ";\n" + childSql.update(),
                statement -> {
                    Rows.bind(
                            statement,
                            childSql.updateBinds(),
                            childValues,
                            Rows.bind(statement, sql.updateBinds(), values, 1));
                    statement.execute();
                    @Nullable Object[] rows = new Object[2];
                    try (ResultSet root = statement.getResultSet()) {
                        rows[0] = root.next() ? Rows.readInto(root, model, entity) : null;
                    }
                    if (rows[0] != null && statement.getMoreResults()) {
                        try (ResultSet row = statement.getResultSet()) {
                            rows[1] = row.next() ? Rows.readInto(row, childModel, child) : null;
                        }
                    }
                    return rows;
                });
        @SuppressWarnings("unchecked")
        T root = (T) stored[0];
        if (root == null) {
            throw updateFailure(model, values);
        }
        @SuppressWarnings("unchecked")
        C storedChild = (C) stored[1];
        if (storedChild == null) {
            throw updateFailure(childModel, childValues);
        }
        return aggregates.withSavedChild(model, root, change, storedChild);
    }

    /** The column values of an entity to update, after the checks that it can be. */
    private static <T> Object[] updateValues(EntityModel<T> model, T entity) {
        Object[] values = model.values(entity);
        PropertyModel id = model.id();
        if (id.isUnset(model.idValue(values))) {
            throw new IllegalArgumentException("Cannot update " + model.type().getName() + ": its @Id '" + id.name()
                    + "' is not set; insert it first, or use save()");
        }
        PropertyModel version = model.version();
        if (version != null && values[version.index()] == null) {
            throw new IllegalArgumentException("Cannot update " + model.type().getName() + ": its @Version '"
                    + version.name() + "' is null; read the entity before updating it, or use save()");
        }
        return values;
    }

    /** Why an update matched no row: another transaction's update or delete (versioned), or no such row. */
    private RuntimeException updateFailure(EntityModel<?> model, Object[] values) {
        PropertyModel version = model.version();
        if (version != null) {
            return executor.translator()
                    .optimisticLockingFailure(
                            "update of " + model.type().getName() + " matched no row by id and version: it was"
                                    + " updated or deleted by another transaction since it was read",
                            "expected version " + values[version.index()]);
        }
        return new IncorrectUpdateSemanticsDataAccessException(
                "Cannot update " + model.type().getName() + ": no row has its id; insert it first, or use save()");
    }

    private <T> T updateRow(T entity) {
        EntityModel<T> model = model(entity);
        EntitySql sql = sql(model);
        Object[] values = updateValues(model, entity);
        T updated = executor.execute("update " + model.type().getSimpleName(), sql.update(), statement -> {
            Rows.bind(statement, sql.updateBinds(), values, 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Rows.readInto(rows, model, entity) : null;
            }
        });
        if (updated == null) {
            throw updateFailure(model, values);
        }
        return updated;
    }

    @Override
    public <T> List<T> updateAll(Collection<T> entities) {
        if (requireEntities(entities).isEmpty()) {
            return List.of();
        }
        EntityModel<T> model = model(entities.iterator().next());
        if (!aggregates.cascades(model)) {
            return bulkWrite.updateAll(entities, this::updateRow);
        }
        List<T> originals = List.copyOf(entities);
        return inTransaction(() ->
                aggregates.saveChildren(model, originals, bulkWrite.updateAll(originals, this::updateRow), false));
    }

    @Override
    public <T> List<T> upsertAll(Collection<T> entities) {
        if (requireEntities(entities).isEmpty()) {
            return List.of();
        }
        EntityModel<T> model = model(entities.iterator().next());
        if (!aggregates.cascades(model)) {
            return bulkWrite.upsertAll(entities, this::saveRow);
        }
        List<T> originals = List.copyOf(entities);
        return inTransaction(
                () -> aggregates.saveChildren(model, originals, bulkWrite.upsertAll(originals, this::saveRow), false));
    }

    @Override
    public <T> void deleteAll(Collection<T> entities) {
        if (requireEntities(entities).isEmpty()) {
            return;
        }
        EntityModel<T> model = model(entities.iterator().next());
        if (!aggregates.cascades(model)) {
            bulkWrite.deleteAll(entities, this::deleteRow);
            return;
        }
        List<Object> ids = new java.util.ArrayList<>();
        for (T entity : entities) {
            ids.add(model.id().get(entity));
        }
        inTransaction(() -> {
            aggregates.deleteChildren(model, ids);
            bulkWrite.deleteAll(entities, this::deleteRow);
            return null;
        });
    }

    @Override
    public <T> long deleteAllById(Class<T> type, Collection<?> ids) {
        requireType(type);
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
        if (ids.isEmpty()) {
            return 0;
        }
        EntityModel<T> model = models.get(type);
        if (!aggregates.cascades(model)) {
            return bulkWrite.deleteAllById(type, ids, id -> deleteRowById(type, id));
        }
        Long deleted = inTransaction(() -> {
            aggregates.deleteChildren(model, ids);
            return bulkWrite.deleteAllById(type, ids, id -> deleteRowById(type, id));
        });
        return deleted == null ? 0 : deleted;
    }

    private static <C extends Collection<?>> C requireEntities(@Nullable C entities) {
        if (entities == null) {
            throw new IllegalArgumentException("entities must not be null");
        }
        return entities;
    }

    @Override
    public <T> T save(T entity) {
        EntityModel<T> model = model(entity);
        if (!aggregates.cascades(model)) {
            return saveRow(entity);
        }
        boolean isNew = model.isNew(entity);
        // A stored entity told apart by a generated id or a version is updated, as update() does.
        boolean updates = !isNew && (model.id().generated() || model.version() != null);
        return inTransaction(() -> {
            AggregateWriter.OneChangedChild<?> change = updates ? aggregates.oneChangedChild(model, entity) : null;
            return change != null
                    ? updateWithChild(model, entity, change)
                    : aggregates
                            .saveChildren(model, List.of(entity), List.of(saveRow(entity)), isNew)
                            .get(0);
        });
    }

    private <T> T saveRow(T entity) {
        EntityModel<T> model = model(entity);
        PropertyModel id = model.id();
        if (!id.generated() && id.isUnset(id.get(entity))) {
            throw new IllegalArgumentException("Cannot save " + model.type().getName() + ": its @Id '" + id.name()
                    + "' is not set; assign an id, or annotate it @GeneratedValue");
        }
        if (id.generated() || model.version() != null) {
            return model.isNew(entity) ? insertRow(entity) : updateRow(entity);
        }
        EntitySql sql = sql(model);
        String upsert = Objects.requireNonNull(sql.upsert(), "an entity with an assigned id and no version upserts");
        Object[] values = model.values(entity);
        return executor.execute("save " + model.type().getSimpleName(), upsert, statement -> {
            Rows.bind(statement, sql.insertWithIdBinds(), values, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Rows.readInto(rows, model, entity);
            }
        });
    }

    @Override
    public <T> void delete(T entity) {
        EntityModel<T> model = model(entity);
        if (!aggregates.cascades(model)) {
            deleteRow(entity);
            return;
        }
        Object idValue = model.id().get(entity);
        inTransaction(() -> {
            if (idValue != null) {
                aggregates.deleteChildren(model, List.of(idValue));
            }
            deleteRow(entity);
            return null;
        });
    }

    private <T> void deleteRow(T entity) {
        EntityModel<T> model = model(entity);
        PropertyModel id = model.id();
        Object idValue = id.get(entity);
        if (idValue == null || id.isUnset(idValue)) {
            throw new IllegalArgumentException(
                    "Cannot delete " + model.type().getName() + ": its @Id '" + id.name() + "' is not set");
        }
        PropertyModel version = model.version();
        if (version == null) {
            deleteRowById(model.type(), idValue);
            return;
        }
        Object versionValue = version.get(entity);
        int deleted = executor.execute(
                "delete " + model.type().getSimpleName(), sql(model).deleteByIdAndVersion(), statement -> {
                    Rows.bind(statement, Rows.bindId(statement, 1, model, idValue), version, versionValue);
                    return statement.executeUpdate();
                });
        if (deleted == 0) {
            throw executor.translator()
                    .optimisticLockingFailure(
                            "delete of " + model.type().getName() + " matched no row by id and version: it was"
                                    + " updated or deleted by another transaction since it was read",
                            "expected version " + versionValue);
        }
    }

    @Override
    public <T> boolean deleteById(Class<T> type, Object id) {
        EntityModel<T> model = models.get(requireType(type));
        if (!aggregates.cascades(model)) {
            return deleteRowById(type, id);
        }
        Object checked = checkId(model, id);
        Boolean deleted = inTransaction(() -> {
            aggregates.deleteChildren(model, List.of(checked));
            return deleteRowById(type, checked);
        });
        return Boolean.TRUE.equals(deleted);
    }

    private <T> boolean deleteRowById(Class<T> type, Object id) {
        EntityModel<T> model = models.get(requireType(type));
        Object checked = checkId(model, id);
        return executor.execute("delete " + type.getSimpleName(), sql(model).deleteById(), statement -> {
                    Rows.bindId(statement, 1, model, checked);
                    return statement.executeUpdate();
                })
                > 0;
    }

    @Override
    public <T> Optional<T> findById(Class<T> type, Object id) {
        return findById(type, id, new String[0]);
    }

    @Override
    public <T> Optional<T> findById(Class<T> type, Object id, String... fetch) {
        EntityModel<T> model = models.get(requireType(type));
        Object checked = checkId(model, id);
        // Through the relation loader, which reads relations fetched by JOIN or JSON in the same statement and applies
        // the entity's default plan; with nothing to fetch it runs the plain statement.
        List<T> found = relationLoader.select(
                type,
                "find " + type.getSimpleName(),
                sql(model).selectById(),
                statement -> Rows.bindId(statement, 1, model, checked),
                rows -> Rows.read(rows, model),
                List.of(fetch));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public <T> List<T> fetch(Class<T> type, List<T> entities, String... paths) {
        return relationLoader.load(requireType(type), entities, List.of(paths));
    }

    @Override
    public <T> SelectQuery<T> from(Class<T> type) {
        return queryFactory.from(type);
    }

    @Override
    public SqlQuery sql(String sql) {
        return new DefaultSqlQuery(NamedParameters.parse(sql), Map.of(), executor, models, resultMappers);
    }

    @Override
    public SchemaOperations schema() {
        return schema;
    }

    @Override
    public EntityModels models() {
        return models;
    }

    /**
     * The SQL of an entity's single-row operations, rendered on first use.
     *
     * @param model the entity model
     * @return the statements
     */
    EntitySql sql(EntityModel<?> model) {
        EntitySql sql = statements.get(model.type());
        return sql != null ? sql : statements.computeIfAbsent(model.type(), type -> new EntitySql(model));
    }

    /**
     * The executor, for engine extensions that run their own statements.
     *
     * @return the executor
     */
    JdbcExecutor executor() {
        return executor;
    }

    /** Runs an aggregate write in the caller's transaction or, without one, in its own. */
    private <R> R inTransaction(java.util.function.Supplier<R> work) {
        return transactions.execute(status -> work.get());
    }

    @SuppressWarnings("unchecked")
    private <T> EntityModel<T> model(T entity) {
        if (entity == null) {
            throw new IllegalArgumentException("entity must not be null");
        }
        return (EntityModel<T>) models.get(entity.getClass());
    }

    private static <T> Class<T> requireType(@Nullable Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("entity type must not be null");
        }
        return type;
    }

    private static Object checkId(EntityModel<?> model, @Nullable Object id) {
        if (id == null) {
            throw new IllegalArgumentException("id of " + model.type().getName() + " must not be null");
        }
        Class<?> expected = JavaTypes.box(model.id().valueType().rawType());
        if (!expected.isInstance(id)) {
            throw new IllegalArgumentException("id of " + model.type().getName() + " must be a " + expected.getName()
                    + " but was a " + id.getClass().getName());
        }
        return id;
    }

    /** Keeps a hook reachable for as long as this engine is (see {@code RejectedInputs}, which holds it weakly). */
    void retain(Object hook) {
        retained.add(hook);
    }
}
