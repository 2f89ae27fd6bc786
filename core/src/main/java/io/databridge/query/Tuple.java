package io.databridge.query;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@link SelectQuery#selectTuple(Expression[])}: values by position or by the expression that selected
 * them. Immutable and thread-safe.
 */
public final class Tuple {

    private final List<Expression<?>> expressions;
    private final @Nullable Object[] values;

    Tuple(List<Expression<?>> expressions, @Nullable Object[] values) {
        this.expressions = expressions;
        this.values = values;
    }

    /**
     * The value at a position.
     *
     * @param index the 0-based position
     * @return the value, {@code null} for SQL {@code NULL}
     */
    public @Nullable Object get(int index) {
        return values[index];
    }

    /**
     * The value selected by an expression.
     *
     * @param expression one of the selected expressions
     * @param <V> its type
     * @return the value, {@code null} for SQL {@code NULL}
     * @throws IllegalArgumentException when the expression was not selected
     */
    @SuppressWarnings("unchecked")
    public <V> @Nullable V get(Expression<V> expression) {
        int index = expressions.indexOf(expression);
        if (index < 0) {
            throw new IllegalArgumentException(expression + " is not part of this tuple; selected: " + expressions);
        }
        return (V) values[index];
    }

    /**
     * The number of values.
     *
     * @return the size
     */
    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
