package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The clauses of one {@code SELECT}. Never mutated once a query holds it: each query step copies it, changes the copy
 * and wraps it in a new query. Not thread-safe while being built; safely published through final fields after.
 */
final class SelectState {

    /** One {@code JOIN}: of an entity's table or of a CTE or derived table. */
    record Join(String keyword, Scope.Item item, @Nullable Condition on) {}

    /** How the selected columns become rows. */
    enum Shape {
        ENTITY,
        CONSTRUCTOR,
        SCALAR,
        TUPLE
    }

    /** The entity whose table the query reads, or {@code null} when it reads {@link #rootTable}. */
    @Nullable
    EntityModel<?> root;

    /** The CTE or derived table the query reads, or {@code null} when it reads an entity's table. */
    @Nullable
    QueryTable<?> rootTable;

    @Nullable
    String rootAlias;

    List<Join> joins = List.of();

    @Nullable
    Condition where;

    List<Expression<?>> groupBy = List.of();

    @Nullable
    Condition having;

    List<SortOrder> orderBy = List.of();

    @Nullable
    Integer limit;

    @Nullable
    Long offset;

    boolean distinct;
    List<Expression<?>> distinctOn = List.of();
    Shape shape = Shape.ENTITY;
    List<Expression<?>> projection = List.of();
    Class<?> rowType;

    @Nullable
    String lock;

    @Nullable
    String lockWait;

    @Nullable
    Object seekRow;

    @Nullable
    List<Object> seekValues;

    int fetchSize = 1000;

    SelectState(EntityModel<?> root) {
        this.root = root;
        this.rowType = root.type();
    }

    SelectState(QueryTable<?> table) {
        this.rootTable = table;
        this.rowType = table.shape.state.rowType;
    }

    SelectState copy() {
        SelectState copy = rootTable == null ? new SelectState(root()) : new SelectState(rootTable);
        copy.rootAlias = rootAlias;
        copy.joins = joins;
        copy.where = where;
        copy.groupBy = groupBy;
        copy.having = having;
        copy.orderBy = orderBy;
        copy.limit = limit;
        copy.offset = offset;
        copy.distinct = distinct;
        copy.distinctOn = distinctOn;
        copy.shape = shape;
        copy.projection = projection;
        copy.rowType = rowType;
        copy.lock = lock;
        copy.lockWait = lockWait;
        copy.seekRow = seekRow;
        copy.seekValues = seekValues;
        copy.fetchSize = fetchSize;
        return copy;
    }

    private EntityModel<?> root() {
        return Objects.requireNonNull(root, "root");
    }

    /**
     * The root entity, for what only an entity's table can do (writes, keyset by row, aliases).
     *
     * @param what the operation, for the message
     * @throws InvalidDataAccessApiUsageException when the query reads a CTE or derived table
     */
    EntityModel<?> entity(String what) {
        if (rootTable != null) {
            throw new InvalidDataAccessApiUsageException(
                    what + " needs an entity's table, but this query reads " + rootTable.describe());
        }
        return root();
    }

    /** The root as a {@code FROM} item. */
    Scope.Item rootItem(@Nullable String alias) {
        return rootTable != null ? Scope.Item.of(rootTable) : Scope.Item.of(root(), alias);
    }

    /** The simple name of what the query reads, for task names and messages. */
    String rootName() {
        return rootTable != null ? rootTable.name() : root().type().getSimpleName();
    }

    /** The number of columns the query selects. */
    int columnCount() {
        if (shape != Shape.ENTITY) {
            return projection.size();
        }
        return rootTable != null
                ? rootTable.columns.size()
                : root().properties().size();
    }

    List<Join> withJoin(Join join) {
        List<Join> list = new ArrayList<>(joins);
        list.add(join);
        return List.copyOf(list);
    }

    /** Whether {@code count()} must wrap the query rather than replace its select list. */
    boolean needsWrappingForCount() {
        return distinct || !distinctOn.isEmpty() || !groupBy.isEmpty() || limit != null || offset != null;
    }
}
