package io.databridge.query;

import io.databridge.mapping.EntityModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The clauses of one {@code SELECT}. Never mutated once a query holds it: each query step copies it, changes the copy
 * and wraps it in a new query. Not thread-safe while being built; safely published through final fields after.
 */
final class SelectState {

    /** One {@code JOIN}. */
    record Join(
            String keyword,
            EntityModel<?> model,
            @Nullable String alias,
            @Nullable Condition on) {}

    /** How the selected columns become rows. */
    enum Shape {
        ENTITY,
        CONSTRUCTOR,
        SCALAR,
        TUPLE
    }

    EntityModel<?> root;

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

    SelectState copy() {
        SelectState copy = new SelectState(root);
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
