package io.databridge.query;

import io.databridge.query.ExpressionNodes.Param;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Static factories for expressions that are not columns: bound values, aggregates, window functions, subqueries, and
 * the escape hatch for SQL the DSL lacks ({@link #function}, {@link #raw}). Thread-safe (stateless).
 */
public final class Expressions {

    private static final Set<Class<?>> SMALL_INTEGRAL = Set.of(Integer.class, Short.class, Byte.class);

    private Expressions() {}

    /**
     * A bound value, e.g. to compare two values or pass one to a function.
     *
     * @param value the value, bound by its own type's codec
     * @param <V> the type
     * @return the expression
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public static <V> Expression<V> value(V value) {
        return new Param<>(Values.notNull(value, "value", "Expressions"), null);
    }

    /**
     * Any SQL function by name, e.g. {@code function("lower", String.class, User_.email)}; arguments render as SQL
     * expressions and values passed through {@link #value(Object)} are bound.
     *
     * @param name the function name, a plain identifier (validated, so nothing can be injected)
     * @param type the Java type of the result
     * @param arguments the arguments
     * @param <V> the result type
     * @return the call
     * @throws IllegalArgumentException when the name is not a valid identifier
     */
    public static <V> FunctionCall<V> function(String name, Class<V> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, Expression.copy(arguments), false, false, type);
    }

    /**
     * {@code lower(expression)}: compare text case-insensitively, e.g.
     * {@code lower(User_.email).eq(lower(value("Ada@X.io")))} renders {@code lower("email") = lower(?)}.
     *
     * @param expression a text expression
     * @return the call
     */
    public static FunctionCall<String> lower(Expression<String> expression) {
        return function("lower", String.class, expression);
    }

    /**
     * A raw SQL fragment with {@code ?} placeholders bound to {@code values}: the escape hatch for operators the DSL
     * lacks, e.g. {@code raw("similarity(name, ?)", Double.class, "ada")}. The fragment must be a constant written by
     * the developer; values always travel as binds. Refer to columns by their SQL names.
     *
     * @param sql the fragment
     * @param type the Java type of the result
     * @param values one value per {@code ?} ({@code ??} is PostgreSQL's {@code ?} operator, not a placeholder)
     * @param <V> the result type
     * @return the expression
     * @throws IllegalArgumentException when the number of values differs from the placeholders, or one is null
     */
    public static <V> Expression<V> raw(String sql, Class<V> type, Object... values) {
        return new RawFragment<>(sql, type, values);
    }

    /**
     * A raw SQL condition with bound values; see {@link #raw(String, Class, Object...)}.
     *
     * @param sql the fragment
     * @param values one value per {@code ?}
     * @return the condition
     */
    public static Condition rawCondition(String sql, Object... values) {
        return new Conditions.Wrapped(new RawFragment<Boolean>(sql, Boolean.class, values));
    }

    /**
     * {@code count(*)}.
     *
     * @return the aggregate
     */
    public static FunctionCall<Long> count() {
        return new FunctionCall<>("count", List.of(), true, false, Long.class);
    }

    /**
     * {@code count(expression)}: non-null values.
     *
     * @param expression the expression
     * @return the aggregate
     */
    public static FunctionCall<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), false, false, Long.class);
    }

    /**
     * {@code count(DISTINCT expression)}.
     *
     * @param expression the expression
     * @return the aggregate
     */
    public static FunctionCall<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), false, true, Long.class);
    }

    /**
     * {@code sum(expression)}; PostgreSQL sums {@code int} to {@code bigint} and {@code bigint} to {@code numeric},
     * so the result reads as {@link Long} or {@link BigDecimal} accordingly.
     *
     * @param expression a numeric expression
     * @param <N> the numeric type
     * @return the aggregate
     */
    public static <N extends Number> FunctionCall<Number> sum(Expression<N> expression) {
        Class<?> input = expression.javaType();
        Class<?> type = SMALL_INTEGRAL.contains(input) ? Long.class : input == Long.class ? BigDecimal.class : input;
        return new FunctionCall<>("sum", List.of(expression), false, false, type);
    }

    /**
     * {@code avg(expression)}: {@link BigDecimal} for exact types, {@link Double} for floating point.
     *
     * @param expression a numeric expression
     * @param <N> the numeric type
     * @return the aggregate
     */
    public static <N extends Number> FunctionCall<Number> avg(Expression<N> expression) {
        Class<?> input = expression.javaType();
        Class<?> type = input == Double.class || input == Float.class ? Double.class : BigDecimal.class;
        return new FunctionCall<>("avg", List.of(expression), false, false, type);
    }

    /**
     * {@code min(expression)}.
     *
     * @param expression the expression
     * @param <V> the type
     * @return the aggregate
     */
    public static <V> FunctionCall<V> min(Expression<V> expression) {
        return new FunctionCall<>("min", List.of(expression), false, false, expression.javaType());
    }

    /**
     * {@code max(expression)}.
     *
     * @param expression the expression
     * @param <V> the type
     * @return the aggregate
     */
    public static <V> FunctionCall<V> max(Expression<V> expression) {
        return new FunctionCall<>("max", List.of(expression), false, false, expression.javaType());
    }

    /**
     * {@code row_number()}; give it a window with {@link FunctionCall#over(Window)}.
     *
     * @return the window function
     */
    public static FunctionCall<Long> rowNumber() {
        return new FunctionCall<>("row_number", List.of(), false, false, Long.class);
    }

    /**
     * {@code rank()}.
     *
     * @return the window function
     */
    public static FunctionCall<Long> rank() {
        return new FunctionCall<>("rank", List.of(), false, false, Long.class);
    }

    /**
     * {@code dense_rank()}.
     *
     * @return the window function
     */
    public static FunctionCall<Long> denseRank() {
        return new FunctionCall<>("dense_rank", List.of(), false, false, Long.class);
    }

    /**
     * {@code lag(expression)}: the value of the previous row in the window.
     *
     * @param expression the expression
     * @param <V> the type
     * @return the window function
     */
    public static <V> FunctionCall<V> lag(Expression<V> expression) {
        return new FunctionCall<>("lag", List.of(expression), false, false, expression.javaType());
    }

    /**
     * {@code lead(expression)}: the value of the next row in the window.
     *
     * @param expression the expression
     * @param <V> the type
     * @return the window function
     */
    public static <V> FunctionCall<V> lead(Expression<V> expression) {
        return new FunctionCall<>("lead", List.of(expression), false, false, expression.javaType());
    }

    /**
     * {@code EXISTS (subquery)}; the subquery may refer to columns of the enclosing query (correlation).
     *
     * @param subquery the subquery
     * @return the condition
     */
    public static Condition exists(ResultQuery<?> subquery) {
        return new Conditions.Exists(DefaultSelectQuery.of(subquery), false);
    }

    /**
     * {@code NOT EXISTS (subquery)}.
     *
     * @param subquery the subquery
     * @return the condition
     */
    public static Condition notExists(ResultQuery<?> subquery) {
        return new Conditions.Exists(DefaultSelectQuery.of(subquery), true);
    }

    /**
     * A scalar subquery, {@code (SELECT ...)}, usable wherever a value is.
     *
     * @param subquery a query selecting one column and at most one row
     * @param <V> the type
     * @return the expression
     */
    public static <V> Expression<V> scalar(ResultQuery<V> subquery) {
        return new ScalarSubquery<>(DefaultSelectQuery.of(subquery));
    }

    /** {@code (SELECT ...)}. */
    private static final class ScalarSubquery<V> extends Expression<V> {
        private final DefaultSelectQuery<?> query;

        ScalarSubquery(DefaultSelectQuery<?> query) {
            this.query = query;
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.append('(');
            renderer.subquery(query);
            renderer.append(')');
        }

        @Override
        Class<?> javaType() {
            return query.state.rowType;
        }
    }

    /** A developer-written fragment; each single {@code ?} becomes a bound value. */
    private static final class RawFragment<V> extends Expression<V> {
        private final List<String> pieces;
        private final List<Object> values;
        private final Class<V> type;

        RawFragment(String sql, Class<V> type, Object[] values) {
            if (sql == null || sql.isBlank()) {
                throw new IllegalArgumentException("raw(...) needs a SQL fragment");
            }
            this.type = type;
            this.pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                    piece.append("??");
                    i++;
                } else if (c == '?') {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                } else {
                    piece.append(c);
                }
            }
            pieces.add(piece.toString());
            if (pieces.size() - 1 != values.length) {
                throw new IllegalArgumentException("raw(\"" + sql + "\") has " + (pieces.size() - 1)
                        + " placeholders but " + values.length + " values were given");
            }
            List<Object> copy = new ArrayList<>();
            for (Object value : values) {
                copy.add(Values.notNull(value, "raw", "Expressions"));
            }
            this.values = List.copyOf(copy);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(RawFragment.class).add(pieces).add(type);
            for (Object value : values) {
                key.add(value.getClass());
            }
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.append(pieces.get(0));
            for (int i = 0; i < values.size(); i++) {
                renderer.bindValue(values.get(i), null);
                renderer.append(pieces.get(i + 1));
            }
        }

        @Override
        boolean compound() {
            return true;
        }

        @Override
        Class<?> javaType() {
            return type;
        }

        @Override
        public String toString() {
            return String.join("?", pieces);
        }
    }
}
