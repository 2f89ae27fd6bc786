package io.databridge.query;

import io.databridge.internal.sql.Identifiers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A function, aggregate or window function call, e.g. {@code sum("total") FILTER (WHERE ...) OVER (PARTITION BY
 * ...)}. Obtain from {@link Expressions}. Immutable and thread-safe.
 *
 * @param <V> the result type
 */
public final class FunctionCall<V> extends Expression<V> {

    private final String name;
    private final List<Expression<?>> arguments;
    private final boolean star;
    private final boolean distinct;
    private final Class<?> type;
    private final @Nullable Condition filter;
    private final @Nullable Window window;

    FunctionCall(String name, List<Expression<?>> arguments, boolean star, boolean distinct, Class<?> type) {
        this(Identifiers.validate(name, "function name"), arguments, star, distinct, type, null, null);
    }

    private FunctionCall(
            String name,
            List<Expression<?>> arguments,
            boolean star,
            boolean distinct,
            Class<?> type,
            @Nullable Condition filter,
            @Nullable Window window) {
        this.name = name;
        this.arguments = arguments;
        this.star = star;
        this.distinct = distinct;
        this.type = type;
        this.filter = filter;
        this.window = window;
    }

    /**
     * Aggregates only the rows matching a condition: {@code FILTER (WHERE condition)}.
     *
     * @param condition the condition
     * @return a new call
     */
    public FunctionCall<V> filter(Condition condition) {
        return new FunctionCall<>(name, arguments, star, distinct, type, Condition.requireCondition(condition), window);
    }

    /**
     * Evaluates over a window: {@code OVER (...)}.
     *
     * @param over the window
     * @return a new call
     */
    public FunctionCall<V> over(Window over) {
        if (over == null) {
            throw new IllegalArgumentException("over(null): use Window.all() for OVER ()");
        }
        return new FunctionCall<>(name, arguments, star, distinct, type, filter, over);
    }

    @Override
    void render(SqlRenderer renderer) {
        renderer.append(name).append('(');
        if (star) {
            renderer.append('*');
        } else {
            if (distinct) {
                renderer.append("DISTINCT ");
            }
            renderer.list(arguments);
        }
        renderer.append(')');
        if (filter != null) {
            renderer.append(" FILTER (WHERE ");
            filter.render(renderer);
            renderer.append(')');
        }
        if (window != null) {
            window.render(renderer);
        }
    }

    @Override
    Class<?> javaType() {
        return type;
    }

    @Override
    void shape(ShapeKey key) {
        key.add(FunctionCall.class).add(name).add(star).add(distinct).add(type).expressions(arguments);
        if (filter == null) {
            key.add(null);
        } else {
            filter.shape(key);
        }
        if (window == null) {
            key.add(null);
        } else {
            window.shape(key);
        }
    }

    @Override
    public String toString() {
        return name + "(" + (star ? "*" : arguments.toString()) + ")";
    }
}
