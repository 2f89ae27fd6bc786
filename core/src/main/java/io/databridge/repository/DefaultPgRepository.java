package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.SqlQuery;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.query.SelectQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@link PgRepository} methods of one entity, behind every repository proxy of that entity. Single-row operations
 * go to {@link DataBridge}; the others run SQL rendered once here from the entity model. Thread-safe.
 */
final class DefaultPgRepository<T, ID> implements PgRepository<T, ID> {

    static final String LIMIT = "dataBridgeLimit";
    static final String OFFSET = "dataBridgeOffset";

    private final DataBridge db;
    private final EntityModel<T> model;
    private final TransactionOperations transactions;
    private final EntityOrder order;
    private final QueryCache cache;

    /** The task of the repository's own SELECTs, as the DSL names its queries: {@code query Customer}. */
    private final String queryTask;

    private final String selectAll;
    private final SqlQuery findAll;
    private final SqlQuery findAllPage;
    private final SqlQuery findAllById;
    private final SqlQuery existsById;
    private final SqlQuery count;
    private final SqlQuery deleteAll;
    private final SqlQuery deleteAllById;
    private final boolean upsertable;

    DefaultPgRepository(DataBridge db, EntityModel<T> model, TransactionOperations transactions) {
        this.db = db;
        this.model = model;
        this.transactions = transactions;
        this.order = new EntityOrder(model);
        this.queryTask = "query " + model.type().getSimpleName();
        this.cache = new QueryCache(db, queryTask);
        String table = model.qualifiedTable();
        String id = model.id().quotedColumn();
        this.selectAll = "SELECT "
                + model.properties().stream().map(PropertyModel::quotedColumn).collect(Collectors.joining(", "))
                + " FROM " + table;
        this.findAll = db.sql(selectAll + " ORDER BY " + id).task(queryTask);
        this.findAllPage = db.sql(selectAll + " ORDER BY " + id + pageClause()).task(queryTask);
        String idIn = model.compositeId() ? compositeIdIn(model) : id + " = ANY(:ids)";
        this.findAllById =
                db.sql(selectAll + " WHERE " + idIn + " ORDER BY " + id).task(queryTask);
        this.existsById = db.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE "
                        + (model.compositeId() ? compositeIdEquals(model) : id + " = :id") + ")")
                .task(queryTask);
        this.count = db.sql("SELECT count(*) FROM " + table).task(queryTask);
        this.deleteAll = db.sql("DELETE FROM " + table);
        this.deleteAllById = db.sql("DELETE FROM " + table + " WHERE " + idIn);
        this.upsertable = !model.id().generated() && model.version() == null;
    }

    /** {@code ("a", "b") IN (SELECT * FROM unnest(CAST(:id_0 AS bigint[]), ...))}: every id in one statement. */
    private static String compositeIdIn(EntityModel<?> model) {
        StringJoiner arrays = new StringJoiner(", ");
        List<PropertyModel> columns = model.idColumns();
        for (int i = 0; i < columns.size(); i++) {
            arrays.add("CAST(:id_" + i + " AS " + columns.get(i).codec().sqlType() + "[])");
        }
        return "(" + model.id().quotedColumn() + ") IN (SELECT * FROM unnest(" + arrays + "))";
    }

    /** {@code "a" = :id_0 AND "b" = :id_1}. */
    private static String compositeIdEquals(EntityModel<?> model) {
        StringJoiner condition = new StringJoiner(" AND ");
        List<PropertyModel> columns = model.idColumns();
        for (int i = 0; i < columns.size(); i++) {
            condition.add(columns.get(i).quotedColumn() + " = :id_" + i);
        }
        return condition.toString();
    }

    /** Binds ids: one array {@code :ids}, or one array per column of a composite id, {@code :id_0, :id_1, ...}. */
    private SqlQuery withIds(SqlQuery query, List<?> ids) {
        if (!model.compositeId()) {
            return query.param("ids", ids);
        }
        int size = model.idColumns().size();
        List<List<@Nullable Object>> columns = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            columns.add(new ArrayList<>(ids.size()));
        }
        for (Object id : ids) {
            @Nullable Object[] parts = model.idParts(checkedId(id));
            for (int i = 0; i < size; i++) {
                columns.get(i).add(parts[i]);
            }
        }
        SqlQuery bound = query;
        for (int i = 0; i < size; i++) {
            bound = bound.param("id_" + i, columns.get(i));
        }
        return bound;
    }

    private Object checkedId(@Nullable Object id) {
        Class<?> expected = model.id().valueType().rawType();
        if (id == null || !expected.isInstance(id)) {
            throw new IllegalArgumentException(
                    "ids of " + model.type().getName() + " must be non-null " + expected.getName() + " values");
        }
        return id;
    }

    static String pageClause() {
        return " LIMIT :" + LIMIT + " OFFSET :" + OFFSET;
    }

    EntityOrder order() {
        return order;
    }

    @Override
    public <S extends T> S save(S entity) {
        return db.save(entity);
    }

    @Override
    public <S extends T> List<S> saveAll(Iterable<S> entities) {
        List<S> list = new ArrayList<>();
        entities.forEach(list::add);
        // upsertAll rejects an id given twice, which save() in a loop accepts (the last one wins).
        if (upsertable && list.stream().map(model.id()::get).distinct().count() == list.size()) {
            return db.upsertAll(list);
        }
        List<S> saved = transactions.execute(status -> {
            List<S> result = new ArrayList<>();
            for (S entity : list) {
                result.add(db.save(entity));
            }
            return result;
        });
        return saved == null ? List.of() : saved;
    }

    @Override
    public <S extends T> S insert(S entity) {
        return db.insert(entity);
    }

    @Override
    public <S extends T> List<S> insertAll(Iterable<S> entities) {
        List<S> list = new ArrayList<>();
        entities.forEach(list::add);
        return db.insertAll(list);
    }

    @Override
    public <S extends T> S update(S entity) {
        return db.update(entity);
    }

    @Override
    public Optional<T> findById(ID id) {
        return db.findById(model.type(), id);
    }

    @Override
    public boolean existsById(ID id) {
        if (!model.compositeId()) {
            return existsById.param("id", id).one(Boolean.class);
        }
        @Nullable Object[] parts = model.idParts(checkedId(id));
        SqlQuery bound = existsById;
        for (int i = 0; i < parts.length; i++) {
            bound = bound.param("id_" + i, parts[i]);
        }
        return bound.one(Boolean.class);
    }

    @Override
    public List<T> findAll() {
        return findAll.list(model.type());
    }

    @Override
    public List<T> findAll(Sort sort) {
        if (sort.isUnsorted()) {
            return findAll();
        }
        return cache.get(selectAll + order.orderBy(sort)).list(model.type());
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        if (pageable.isUnpaged()) {
            return new PageImpl<>(findAll(pageable.getSort()));
        }
        SqlQuery query = pageable.getSort().isSorted()
                ? cache.get(selectAll + order.orderBy(pageable.getSort()) + pageClause())
                : findAllPage;
        List<T> content = query.param(LIMIT, pageable.getPageSize())
                .param(OFFSET, pageable.getOffset())
                .list(model.type());
        return PageableExecutionUtils.getPage(content, pageable, this::count);
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        List<ID> list = new ArrayList<>();
        ids.forEach(list::add);
        return list.isEmpty() ? List.of() : withIds(findAllById, list).list(model.type());
    }

    @Override
    public long count() {
        return count.one(Long.class);
    }

    @Override
    public void delete(T entity) {
        db.delete(entity);
    }

    @Override
    public boolean deleteById(ID id) {
        return db.deleteById(model.type(), id);
    }

    @Override
    public void deleteAll() {
        deleteAll.update();
    }

    @Override
    public void deleteAll(Iterable<? extends T> entities) {
        List<T> list = new ArrayList<>();
        entities.forEach(list::add);
        db.deleteAll(list);
    }

    @Override
    public void deleteAllById(Iterable<? extends ID> ids) {
        List<ID> list = new ArrayList<>();
        ids.forEach(list::add);
        if (!list.isEmpty()) {
            withIds(deleteAllById, list).update();
        }
    }

    @Override
    public SelectQuery<T> query() {
        return db.from(model.type());
    }

    @Override
    public String toString() {
        return "PgRepository<" + model.type().getSimpleName() + ">";
    }
}
