package io.databridge.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A window for window functions and aggregates: {@code OVER (PARTITION BY ... ORDER BY ...)}. Immutable and
 * thread-safe.
 */
public final class Window {

    private static final Window EMPTY = new Window(List.of(), List.of(), null);

    private final List<Expression<?>> partitionBy;
    private final List<SortOrder> orderBy;
    private final @Nullable String frame;

    private Window(List<Expression<?>> partitionBy, List<SortOrder> orderBy, @Nullable String frame) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
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
        return new Window(Expression.copy(expressions), List.of(), null);
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
        return new Window(partitionBy, List.of(orders), frame);
    }

    /**
     * {@code ROWS BETWEEN start AND end}: the frame counts rows around the current one.
     *
     * @param start the first row of the frame
     * @param end the last row of the frame
     * @return a new window
     */
    public Window rowsBetween(FrameBound start, FrameBound end) {
        return frame("ROWS", start, end);
    }

    /**
     * {@code RANGE BETWEEN start AND end}: the frame holds rows whose order key lies within the offsets of the current
     * row's (needs exactly one order key when an offset is given).
     *
     * @param start the first bound
     * @param end the last bound
     * @return a new window
     */
    public Window rangeBetween(FrameBound start, FrameBound end) {
        return frame("RANGE", start, end);
    }

    /**
     * {@code GROUPS BETWEEN start AND end}: the frame counts peer groups (rows with equal order keys).
     *
     * @param start the first bound
     * @param end the last bound
     * @return a new window
     */
    public Window groupsBetween(FrameBound start, FrameBound end) {
        return frame("GROUPS", start, end);
    }

    private Window frame(String unit, FrameBound start, FrameBound end) {
        if (start == null || end == null) {
            throw new IllegalArgumentException(unit + " BETWEEN needs two bounds, not null");
        }
        return new Window(partitionBy, orderBy, unit + " BETWEEN " + start.text() + " AND " + end.text());
    }

    /** Adds the window's keys, order and frame (its offsets are written into the text) to a shape. */
    void shape(ShapeKey key) {
        key.add(Window.class).expressions(partitionBy).add(orderBy.size());
        for (SortOrder order : orderBy) {
            order.shape(key);
        }
        key.add(frame);
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
        if (frame != null) {
            renderer.append(partitionBy.isEmpty() && orderBy.isEmpty() ? "" : " ")
                    .append(frame);
        }
        renderer.append(')');
    }
}
