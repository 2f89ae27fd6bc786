package io.databridge.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A window for window functions and aggregates: {@code OVER (PARTITION BY ... ORDER BY ...)}. A window named with
 * {@link #as(String)} is declared once in the query's {@code WINDOW} clause ({@link SelectQuery#window(Window...)}),
 * referenced by name ({@code OVER "w"}) and extended ({@code w.orderBy(...)} renders {@code OVER ("w" ORDER BY ...)}).
 * Immutable and thread-safe.
 */
public final class Window {

    private static final Window EMPTY = new Window(null, null, List.of(), List.of(), null);

    private final @Nullable String name;
    private final @Nullable String base;
    private final List<Expression<?>> partitionBy;
    private final List<SortOrder> orderBy;
    private final @Nullable String frame;

    private Window(
            @Nullable String name,
            @Nullable String base,
            List<Expression<?>> partitionBy,
            List<SortOrder> orderBy,
            @Nullable String frame) {
        this.name = name;
        this.base = base;
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
        return new Window(null, null, Expression.copy(expressions), List.of(), null);
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
     * Names this window, for the query's {@code WINDOW} clause: declare it with {@link SelectQuery#window(Window...)},
     * then {@code rank().over(w)} renders {@code rank() OVER "w"}, and {@code w.orderBy(...)} or a frame on it extends
     * it ({@code OVER ("w" ORDER BY ...)}).
     *
     * @param name the window name, a valid identifier
     * @return the named window
     * @throws IllegalArgumentException when the name is not a valid identifier
     */
    public Window as(String name) {
        io.databridge.internal.sql.Identifiers.validate(name, "window name");
        return new Window(name, base, partitionBy, orderBy, frame);
    }

    /**
     * Orders rows within each partition. On a named window, a new unnamed window extending it ({@code ("w" ORDER BY
     * ...)}; PostgreSQL allows that when the named window has no order of its own).
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
        if (name != null) {
            return new Window(null, name, List.of(), List.of(orders), null);
        }
        return new Window(null, base, partitionBy, List.of(orders), frame);
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
        String text = unit + " BETWEEN " + start.text() + " AND " + end.text();
        if (name != null) {
            return new Window(null, name, List.of(), List.of(), text);
        }
        return new Window(null, base, partitionBy, orderBy, text);
    }

    /** The name given with {@link #as(String)}, or {@code null}. */
    @Nullable
    String name() {
        return name;
    }

    /** Adds the window's name, the window it extends, its keys, order and frame (offsets are text) to a shape. */
    void shape(ShapeKey key) {
        key.add(Window.class).add(name).add(base).expressions(partitionBy).add(orderBy.size());
        for (SortOrder order : orderBy) {
            order.shape(key);
        }
        key.add(frame);
    }

    /** Appends {@code OVER "w"} for a named window, else {@code OVER (...)}. */
    void render(SqlRenderer renderer) {
        if (name != null) {
            renderer.append(" OVER ").append(renderer.declaredWindow(name));
            return;
        }
        renderer.append(" OVER ");
        renderDefinition(renderer);
    }

    /** Appends {@code ("w" PARTITION BY ... ORDER BY ... frame)}, each part only when present. */
    void renderDefinition(SqlRenderer renderer) {
        renderer.append("(");
        String separator = "";
        if (base != null) {
            renderer.append(renderer.declaredWindow(base));
            separator = " ";
        }
        if (!partitionBy.isEmpty()) {
            renderer.append(separator).append("PARTITION BY ");
            renderer.list(partitionBy);
            separator = " ";
        }
        if (!orderBy.isEmpty()) {
            renderer.append(separator).append("ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                renderer.append(i == 0 ? "" : ", ");
                orderBy.get(i).render(renderer);
            }
            separator = " ";
        }
        if (frame != null) {
            renderer.append(separator).append(frame);
        }
        renderer.append(')');
    }

    @Override
    public String toString() {
        return name != null ? name : "Window" + partitionBy + orderBy;
    }
}
