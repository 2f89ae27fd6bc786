package io.databridge.query;

import io.databridge.internal.sql.Identifiers;
import java.lang.reflect.Type;
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
    private final List<SortOrder> orderBy;
    private final @Nullable Type genericType;
    private final @Nullable Condition filter;
    private final @Nullable Window window;

    FunctionCall(String name, List<Expression<?>> arguments, boolean star, boolean distinct, Class<?> type) {
        this(Identifiers.validate(name, "function name"), arguments, star, distinct, type, List.of(), null, null, null);
    }

    private FunctionCall(
            String name,
            List<Expression<?>> arguments,
            boolean star,
            boolean distinct,
            Class<?> type,
            List<SortOrder> orderBy,
            @Nullable Type genericType,
            @Nullable Condition filter,
            @Nullable Window window) {
        this.name = name;
        this.arguments = arguments;
        this.star = star;
        this.distinct = distinct;
        this.type = type;
        this.orderBy = orderBy;
        this.genericType = genericType;
        this.filter = filter;
        this.window = window;
    }

    /**
     * The aggregate with its input ordered: {@code name(arguments ORDER BY ...)}, e.g. {@code array_agg} and {@code
     * string_agg}.
     */
    FunctionCall<V> orderedBy(SortOrder[] orders) {
        for (SortOrder order : orders) {
            if (order == null) {
                throw new IllegalArgumentException(name + "(...) got a null sort order");
            }
        }
        return new FunctionCall<>(name, arguments, star, distinct, type, List.of(orders), genericType, filter, window);
    }

    /** The call with a parameterized result type, e.g. {@code List<String>}, whose codec reads the values. */
    FunctionCall<V> typed(Type generic) {
        return new FunctionCall<>(name, arguments, star, distinct, type, orderBy, generic, filter, window);
    }

    /**
     * Aggregates only the rows matching a condition: {@code FILTER (WHERE condition)}.
     *
     * @param condition the condition
     * @return a new call
     */
    public FunctionCall<V> filter(Condition condition) {
        return new FunctionCall<>(
                name,
                arguments,
                star,
                distinct,
                type,
                orderBy,
                genericType,
                Condition.requireCondition(condition),
                window);
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
        return new FunctionCall<>(name, arguments, star, distinct, type, orderBy, genericType, filter, over);
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
            for (int i = 0; i < orderBy.size(); i++) {
                renderer.append(i == 0 ? " ORDER BY " : ", ");
                orderBy.get(i).render(renderer);
            }
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
    Type genericType() {
        return genericType == null ? type : genericType;
    }

    @Override
    void shape(ShapeKey key) {
        key.add(FunctionCall.class).add(name).add(star).add(distinct).add(type).expressions(arguments);
        key.add(genericType).add(orderBy.size());
        for (SortOrder order : orderBy) {
            order.shape(key);
        }
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
