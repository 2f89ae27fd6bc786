package io.databridge.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code (left) UNION (right)} and the other set operations, with an order and paging of the combined rows. Rows are
 * read like the left query's. Immutable and thread-safe.
 *
 * @param <R> the row type
 */
final class SetOperationQuery<R> extends AbstractResultQuery<R> {

    private final AbstractResultQuery<R> left;
    private final String operator;
    private final AbstractResultQuery<?> right;
    private final List<SortOrder> orderBy;
    private final @Nullable Integer limit;
    private final @Nullable Long offset;
    private final int fetchSize;

    private SetOperationQuery(
            AbstractResultQuery<R> left,
            String operator,
            AbstractResultQuery<?> right,
            List<SortOrder> orderBy,
            @Nullable Integer limit,
            @Nullable Long offset,
            int fetchSize) {
        super(left.executor);
        this.left = left;
        this.operator = operator;
        this.right = right;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.fetchSize = fetchSize;
    }

    static <R> SetOperationQuery<R> of(AbstractResultQuery<R> left, String operator, ResultQuery<R> right) {
        if (!(right instanceof AbstractResultQuery<R> other)) {
            throw new IllegalArgumentException(operator.trim() + " needs a query built with DataBridge.from(...)");
        }
        return new SetOperationQuery<>(left, operator, other, List.of(), null, null, left.fetchRows());
    }

    @Override
    public ResultQuery<R> orderBy(SortOrder... orders) {
        return new SetOperationQuery<>(left, operator, right, List.of(orders), limit, offset, fetchSize);
    }

    @Override
    public ResultQuery<R> limit(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must be >= 0 but was " + rows);
        }
        return new SetOperationQuery<>(left, operator, right, orderBy, rows, offset, fetchSize);
    }

    @Override
    public ResultQuery<R> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must be >= 0 but was " + rows);
        }
        return new SetOperationQuery<>(left, operator, right, orderBy, limit, rows, fetchSize);
    }

    @Override
    public ResultQuery<R> fetchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("fetchSize must be >= 1 but was " + rows);
        }
        return new SetOperationQuery<>(left, operator, right, orderBy, limit, offset, rows);
    }

    @Override
    public ResultQuery<R> union(ResultQuery<R> other) {
        return of(this, " UNION ", other);
    }

    @Override
    public ResultQuery<R> unionAll(ResultQuery<R> other) {
        return of(this, " UNION ALL ", other);
    }

    @Override
    public ResultQuery<R> intersect(ResultQuery<R> other) {
        return of(this, " INTERSECT ", other);
    }

    @Override
    public ResultQuery<R> except(ResultQuery<R> other) {
        return of(this, " EXCEPT ", other);
    }

    @Override
    void shape(ShapeKey key) {
        key.add(SetOperationQuery.class).add(operator);
        left.shape(key);
        right.shape(key);
        List<Expression<?>> firstSelected = left.leftmost().state.projection;
        key.add(orderBy.size());
        for (SortOrder order : orderBy) {
            order.shape(key);
            // Which output column a key addresses is found by identity (OutputKeys), which no shape says.
            key.add(OutputKeys.indexOf(firstSelected, order.expression()));
        }
        key.add(limit != null).add(offset != null);
    }

    @Override
    @Nullable
    RowReader<R> renderSelect(SqlRenderer renderer, @Nullable Scope outer) {
        renderer.append('(');
        RowReader<R> reader = left.renderSelect(renderer, outer);
        renderer.append(')').append(operator).append('(');
        right.renderSelect(renderer, outer);
        renderer.append(')');
        if (!orderBy.isEmpty() || limit != null || offset != null) {
            // Order keys address the output columns, which the first query's select list names.
            Scope saved = renderer.scope;
            SelectState first = left.leftmost().state;
            SelectRenderer.openScope(first, renderer, null);
            boolean entityRows = first.shape == SelectState.Shape.ENTITY;
            SelectRenderer.renderOrderAndPaging(
                    renderer,
                    orderBy,
                    limit,
                    offset,
                    key -> OutputKeys.setOperationKey(renderer, first.projection, entityRows, key));
            renderer.scope = saved;
        }
        return reader;
    }

    @Override
    String task() {
        return left.task();
    }

    @Override
    DefaultSelectQuery<R> leftmost() {
        return left.leftmost();
    }

    @Override
    AbstractResultQuery<R> withLimit(int rows) {
        return limit != null && limit <= rows ? this : (AbstractResultQuery<R>) limit(rows);
    }

    @Override
    int fetchRows() {
        return fetchSize;
    }
}
