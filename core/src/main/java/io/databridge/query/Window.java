package io.databridge.query;

import java.util.List;

/**
 * A window for window functions and aggregates: {@code OVER (PARTITION BY ... ORDER BY ...)}. Immutable and
 * thread-safe.
 */
public final class Window {

    private static final Window EMPTY = new Window(List.of(), List.of());

    private final List<Expression<?>> partitionBy;
    private final List<SortOrder> orderBy;

    private Window(List<Expression<?>> partitionBy, List<SortOrder> orderBy) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
    }

    /**
     * The whole result as one partition: {@code OVER ()}.
     *
     * @return the window
     */
    public static Window all() {
        return EMPTY;
    }

    /**
     * {@code OVER (PARTITION BY expressions)}.
     *
     * @param expressions the partition keys
     * @return the window
     */
    public static Window partitionBy(Expression<?>... expressions) {
        return new Window(Expression.copy(expressions), List.of());
    }

    /**
     * {@code OVER (ORDER BY orders)}.
     *
     * @param orders the order within the window
     * @return the window
     */
    public static Window ordered(SortOrder... orders) {
        return EMPTY.orderBy(orders);
    }

    /**
     * Orders rows within each partition.
     *
     * @param orders the sort keys
     * @return a new window
     */
    public Window orderBy(SortOrder... orders) {
        for (SortOrder order : orders) {
            if (order == null) {
                throw new IllegalArgumentException("orderBy(...) got a null sort order");
            }
        }
        return new Window(partitionBy, List.of(orders));
    }

    void render(SqlRenderer renderer) {
        renderer.append(" OVER (");
        if (!partitionBy.isEmpty()) {
            renderer.append("PARTITION BY ");
            renderer.list(partitionBy);
        }
        if (!orderBy.isEmpty()) {
            renderer.append(partitionBy.isEmpty() ? "ORDER BY " : " ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                renderer.append(i == 0 ? "" : ", ");
                orderBy.get(i).render(renderer);
            }
        }
        renderer.append(')');
    }
}
