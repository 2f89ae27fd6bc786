package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The clauses of one {@code SELECT}. Immutable: each query step derives a new state with {@link #with}, so states are
 * shared freely between queries and threads.
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
    final @Nullable EntityModel<?> root;

    /** The CTE or derived table the query reads, or {@code null} when it reads an entity's table. */
    final @Nullable QueryTable<?> rootTable;

    final @Nullable String rootAlias;
    final List<Join> joins;
    final @Nullable Condition where;
    final List<Expression<?>> groupBy;
    final @Nullable Condition having;
    final List<SortOrder> orderBy;
    final @Nullable Integer limit;
    final @Nullable Long offset;
    final boolean distinct;
    final List<Expression<?>> distinctOn;
    final Shape shape;
    final List<Expression<?>> projection;
    final Class<?> rowType;
    final @Nullable String lock;
    final @Nullable String lockWait;
    final @Nullable Object seekRow;
    final @Nullable List<Object> seekValues;
    final int fetchSize;

    /** The relation paths loaded with the rows, e.g. {@code "pets.visits"}. */
    final List<String> fetches;

    SelectState(EntityModel<?> root) {
        this(new Builder(root, null, root.type()));
    }

    SelectState(QueryTable<?> table) {
        this(new Builder(null, table, table.shape.state.rowType));
    }

    private SelectState(Builder builder) {
        this.root = builder.root;
        this.rootTable = builder.rootTable;
        this.rootAlias = builder.rootAlias;
        this.joins = builder.joins;
        this.where = builder.where;
        this.groupBy = builder.groupBy;
        this.having = builder.having;
        this.orderBy = builder.orderBy;
        this.limit = builder.limit;
        this.offset = builder.offset;
        this.distinct = builder.distinct;
        this.distinctOn = builder.distinctOn;
        this.shape = builder.shape;
        this.projection = builder.projection;
        this.rowType = builder.rowType;
        this.lock = builder.lock;
        this.lockWait = builder.lockWait;
        this.seekRow = builder.seekRow;
        this.seekValues = builder.seekValues;
        this.fetchSize = builder.fetchSize;
        this.fetches = builder.fetches;
    }

    /**
     * A copy of this state with a change: the query steps' only way to a new state.
     *
     * @param change sets the fields that differ, on a builder that starts as this state
     * @return the new state
     */
    SelectState with(Consumer<Builder> change) {
        Builder builder = new Builder(root, rootTable, rowType);
        builder.rootAlias = rootAlias;
        builder.joins = joins;
        builder.where = where;
        builder.groupBy = groupBy;
        builder.having = having;
        builder.orderBy = orderBy;
        builder.limit = limit;
        builder.offset = offset;
        builder.distinct = distinct;
        builder.distinctOn = distinctOn;
        builder.shape = shape;
        builder.projection = projection;
        builder.lock = lock;
        builder.lockWait = lockWait;
        builder.seekRow = seekRow;
        builder.seekValues = seekValues;
        builder.fetchSize = fetchSize;
        builder.fetches = fetches;
        change.accept(builder);
        return new SelectState(builder);
    }

    /** The fields of a state being derived from another; confined to {@link #with}. Not thread-safe. */
    static final class Builder {
        private final @Nullable EntityModel<?> root;
        private final @Nullable QueryTable<?> rootTable;

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

        List<String> fetches = List.of();

        private Builder(@Nullable EntityModel<?> root, @Nullable QueryTable<?> rootTable, Class<?> rowType) {
            this.root = root;
            this.rootTable = rootTable;
            this.rowType = rowType;
        }

        /** The joins with one more at the end. */
        List<Join> withJoin(Join join) {
            List<Join> list = new ArrayList<>(joins);
            list.add(join);
            return List.copyOf(list);
        }
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

    /**
     * Adds what the text of this {@code SELECT} and its row reader depend on to a shape: never a bound value (a keyset
     * position adds only that there is one, and the classes of its values), never the fetch size or fetched relations
     * (they do not change the statement).
     */
    void shape(ShapeKey key) {
        if (rootTable != null) {
            rootTable.shape(key);
        } else {
            key.add(root);
        }
        key.add(rootAlias).add(joins.size());
        for (Join join : joins) {
            Scope.Item item = join.item();
            key.add(join.keyword());
            if (item.table() != null) {
                item.table().shape(key);
            } else {
                key.add(item.model()).add(item.alias());
            }
            shapeOf(key, join.on());
        }
        shapeOf(key, where);
        key.expressions(groupBy);
        // Which keys are select items decides how they render (OutputKeys): by identity, which no shape says.
        for (Expression<?> group : groupBy) {
            key.add(OutputKeys.indexOf(projection, group));
        }
        shapeOf(key, having);
        key.add(orderBy.size());
        for (SortOrder order : orderBy) {
            order.shape(key);
            key.add(OutputKeys.indexOf(projection, order.expression()));
        }
        key.add(limit != null).add(offset != null).add(distinct).expressions(distinctOn);
        key.add(shape).expressions(projection).add(rowType).add(lock).add(lockWait);
        key.add(seekRow != null);
        if (seekValues == null) {
            key.add(null);
        } else {
            for (Object value : seekValues) {
                key.add(value.getClass());
            }
        }
    }

    /** The expressions a tuple row of this query is read by: its own, or those of the table it reads. */
    List<Expression<?>> tupleExpressions() {
        if (shape == Shape.TUPLE) {
            return projection;
        }
        return shape == Shape.ENTITY && rootTable != null ? rootTable.tupleExpressions() : List.of();
    }

    private static void shapeOf(ShapeKey key, @Nullable Condition condition) {
        if (condition == null) {
            key.add(null);
        } else {
            condition.shape(key);
        }
    }

    /** Whether {@code count()} must wrap the query rather than replace its select list. */
    boolean needsWrappingForCount() {
        return distinct || !distinctOn.isEmpty() || !groupBy.isEmpty() || limit != null || offset != null;
    }
}
