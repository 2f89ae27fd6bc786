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
     * A constant written into the SQL text, not bound: a number, a boolean or a string (quotes doubled; backslash and
     * NUL refused). Use it where PostgreSQL must recognise an expression repeated elsewhere in the statement (a bound
     * value is a new parameter each time), e.g. the separator of a {@code concat} that is also ordered or grouped by.
     * Only for constants written in the code, never for input: bind input with {@link #value(Object)}.
     *
     * @param value the constant
     * @param <V> the type
     * @return the expression
     * @throws IllegalArgumentException for {@code null}, other types, non-finite numbers, or a string with a
     *     backslash or NUL character
     */
    public static <V> Expression<V> literal(V value) {
        return Literal.of(value);
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

    // ---- conditional and scalar expressions ------------------------------------------------------------------

    /**
     * {@code CASE WHEN condition THEN result ... END}; add branches with {@link CaseExpression#when} and finish with
     * {@link CaseExpression#otherwise} (without it, {@code NULL} when no condition holds).
     *
     * @param condition the first condition
     * @param result its result
     * @param <V> the result type
     * @return the case expression
     */
    public static <V> CaseExpression<V> caseWhen(Condition condition, Expression<V> result) {
        return CaseExpression.of(condition, result);
    }

    /**
     * {@code CASE WHEN condition THEN ? ... END} with the result bound.
     *
     * @param condition the first condition
     * @param result its result, not {@code null}
     * @param <V> the result type
     * @return the case expression
     */
    public static <V> CaseExpression<V> caseWhen(Condition condition, V result) {
        return CaseExpression.of(condition, CaseExpression.result(result));
    }

    /**
     * {@code COALESCE(first, others...)}: the first argument that is not {@code NULL}.
     *
     * @param first the first expression
     * @param others the fallbacks, in order
     * @param <V> the type
     * @return the expression
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into the call's arguments
    public static <V> Expression<V> coalesce(Expression<V> first, Expression<? extends V>... others) {
        return call("COALESCE", first, others);
    }

    /**
     * {@code COALESCE(expression, ?)} with the fallback bound through the expression's codec.
     *
     * @param expression the expression
     * @param fallback the value when it is {@code NULL}
     * @param <V> the type
     * @return the expression
     */
    public static <V> Expression<V> coalesce(Expression<V> expression, V fallback) {
        return new Template<>(
                expression.javaType(),
                false,
                "COALESCE(",
                expression,
                ", ",
                new Param<>(Values.notNull(fallback, "coalesce", expression), expression),
                ")");
    }

    /**
     * {@code NULLIF(expression, ?)}: {@code NULL} when the expression equals the value, else the expression.
     *
     * @param expression the expression
     * @param value the value, bound through the expression's codec
     * @param <V> the type
     * @return the expression
     */
    public static <V> Expression<V> nullif(Expression<V> expression, V value) {
        return new Template<>(
                expression.javaType(),
                false,
                "NULLIF(",
                expression,
                ", ",
                new Param<>(Values.notNull(value, "nullif", expression), expression),
                ")");
    }

    /**
     * {@code GREATEST(first, others...)}: the largest argument, ignoring {@code NULL}s.
     *
     * @param first an expression
     * @param others more expressions
     * @param <V> the type
     * @return the expression
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into the call's arguments
    public static <V> Expression<V> greatest(Expression<V> first, Expression<? extends V>... others) {
        return call("GREATEST", first, others);
    }

    /**
     * {@code LEAST(first, others...)}: the smallest argument, ignoring {@code NULL}s.
     *
     * @param first an expression
     * @param others more expressions
     * @param <V> the type
     * @return the expression
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into the call's arguments
    public static <V> Expression<V> least(Expression<V> first, Expression<? extends V>... others) {
        return call("LEAST", first, others);
    }

    private static <V> Expression<V> call(String name, Expression<V> first, Expression<?>[] others) {
        List<Object> parts = new ArrayList<>();
        parts.add(name + "(");
        parts.add(first);
        for (Expression<?> other : Expression.copy(others)) {
            parts.add(", ");
            parts.add(other);
        }
        parts.add(")");
        return new Template<>(first.javaType(), false, parts.toArray());
    }

    /**
     * {@code CAST(expression AS sqlType)}, read as {@code type}.
     *
     * @param expression the expression
     * @param sqlType a PostgreSQL type name such as {@code numeric(10, 2)}, {@code double precision}, {@code text[]}
     *     or {@code "My Type"} (checked: letters, digits, underscores, spaces, a precision, array brackets, or one
     *     quoted identifier)
     * @param type the Java type of the result
     * @param <V> the result type
     * @return the expression
     * @throws IllegalArgumentException when the type name is not of that form
     */
    public static <V> Expression<V> cast(Expression<?> expression, String sqlType, Class<V> type) {
        return new Template<>(type, false, "CAST(", expression, " AS " + SqlTypeNames.check(sqlType) + ")");
    }

    // ---- dates and times ---------------------------------------------------------------------------------------

    /**
     * {@code CURRENT_DATE}: the transaction's date in the session time zone.
     *
     * @return the expression
     */
    public static Expression<java.time.LocalDate> currentDate() {
        return new Template<>(java.time.LocalDate.class, false, "CURRENT_DATE");
    }

    /**
     * {@code CURRENT_TIMESTAMP}: the transaction's start time ({@code timestamptz}).
     *
     * @return the expression
     */
    public static Expression<java.time.Instant> currentTimestamp() {
        return new Template<>(java.time.Instant.class, false, "CURRENT_TIMESTAMP");
    }

    /**
     * {@code now()}: the same as {@link #currentTimestamp()}.
     *
     * @return the expression
     */
    public static Expression<java.time.Instant> now() {
        return new Template<>(java.time.Instant.class, false, "now()");
    }

    /**
     * {@code extract(PART FROM expression)}, {@code numeric} in PostgreSQL 14 and later.
     *
     * @param part the field
     * @param expression a date, time, timestamp or interval
     * @return the expression
     */
    public static Expression<BigDecimal> extract(DatePart part, Expression<?> expression) {
        return new Template<>(BigDecimal.class, false, "extract(" + part.keyword() + " FROM ", expression, ")");
    }

    /**
     * {@code date_trunc('part', expression)}: the value truncated to the precision of the field.
     *
     * @param part the field, from {@link DatePart#MICROSECONDS} to {@link DatePart#CENTURY}
     * @param expression a timestamp, date (as timestamp) or interval
     * @param <V> the type
     * @return the expression
     */
    public static <V> Expression<V> dateTrunc(DatePart part, Expression<V> expression) {
        return new Template<>(expression.javaType(), false, "date_trunc(" + part.literal() + ", ", expression, ")");
    }

    /**
     * {@code CAST('text' AS interval)}, written into the SQL so that an expression using it can be repeated in
     * {@code GROUP BY} or {@code ORDER BY}; for input, bind a {@link java.time.Duration} with {@link #value} instead.
     *
     * @param text a constant interval such as {@code 1 day}, {@code 2 hours 30 minutes} or {@code P1D} (letters,
     *     digits, spaces, {@code .:-+})
     * @return the interval
     * @throws IllegalArgumentException for other characters
     */
    public static Expression<java.time.Duration> interval(String text) {
        return new Template<>(java.time.Duration.class, false, Literal.interval(text));
    }

    // ---- aggregates with order, ordered-set aggregates, grouping sets ------------------------------------------

    /**
     * {@code string_agg(expression, 'separator' ORDER BY ...)}: the values joined in the given order.
     *
     * @param expression the text to join
     * @param separator a constant separator, written into the SQL (see {@link #literal})
     * @param orderBy the order of the values; none for any order
     * @return the aggregate
     */
    public static Expression<String> stringAgg(Expression<String> expression, String separator, SortOrder... orderBy) {
        return new Template<>(
                String.class,
                false,
                aggregateParts(
                        "string_agg(",
                        expression,
                        ", " + Literal.quote(Values.notNull(separator, "stringAgg", "Expressions")),
                        orderBy));
    }

    private static Object[] aggregateParts(String open, Expression<?> expression, String more, SortOrder[] orderBy) {
        List<Object> parts = new ArrayList<>();
        parts.add(open);
        parts.add(expression);
        parts.add(more);
        for (int i = 0; i < orderBy.length; i++) {
            parts.add(i == 0 ? " ORDER BY " : ", ");
            parts.add(orderBy[i]);
        }
        parts.add(")");
        return parts.toArray();
    }

    /**
     * {@code percentile_cont(fraction) WITHIN GROUP (ORDER BY ...)}: the interpolated percentile, e.g. the median for
     * 0.5.
     *
     * @param fraction between 0 and 1, written into the SQL
     * @param order the ordered values (numeric)
     * @return the aggregate, {@code double precision}
     */
    public static Expression<Double> percentileCont(double fraction, SortOrder order) {
        return new Template<>(
                Double.class, false, "percentile_cont(" + fraction(fraction) + ") WITHIN GROUP (ORDER BY ", order, ")");
    }

    /**
     * {@code percentile_disc(fraction) WITHIN GROUP (ORDER BY ...)}: the first value whose position reaches the
     * fraction.
     *
     * @param fraction between 0 and 1, written into the SQL
     * @param order the ordered values
     * @param type the Java type of the values
     * @param <V> the type
     * @return the aggregate
     */
    public static <V> Expression<V> percentileDisc(double fraction, SortOrder order, Class<V> type) {
        return new Template<>(
                type, false, "percentile_disc(" + fraction(fraction) + ") WITHIN GROUP (ORDER BY ", order, ")");
    }

    /**
     * {@code mode() WITHIN GROUP (ORDER BY ...)}: the most frequent value.
     *
     * @param order the values
     * @param type the Java type of the values
     * @param <V> the type
     * @return the aggregate
     */
    public static <V> Expression<V> mode(SortOrder order, Class<V> type) {
        return new Template<>(type, false, "mode() WITHIN GROUP (ORDER BY ", order, ")");
    }

    private static String fraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("A percentile fraction must be between 0 and 1 but was " + fraction);
        }
        return BigDecimal.valueOf(fraction).toPlainString();
    }

    /**
     * {@code sum(expression)} of a {@code numeric} column, typed {@code BigDecimal}.
     *
     * @param expression a {@code BigDecimal} expression
     * @return the aggregate
     */
    public static FunctionCall<BigDecimal> sumDecimal(Expression<BigDecimal> expression) {
        return new FunctionCall<>("sum", List.of(expression), false, false, BigDecimal.class);
    }

    /**
     * {@code avg(expression)} of an integral or {@code numeric} expression, typed {@code BigDecimal} ({@code numeric}
     * in PostgreSQL).
     *
     * @param expression the expression
     * @return the aggregate
     */
    public static FunctionCall<BigDecimal> avgDecimal(Expression<? extends Number> expression) {
        return new FunctionCall<>("avg", List.of(expression), false, false, BigDecimal.class);
    }

    /**
     * {@code sum(expression)} of a {@code smallint} or {@code integer} expression, typed {@code Long} ({@code bigint}).
     *
     * @param expression the expression
     * @return the aggregate
     */
    public static FunctionCall<Long> sumLong(Expression<? extends Number> expression) {
        return new FunctionCall<>("sum", List.of(expression), false, false, Long.class);
    }

    /**
     * {@code ROLLUP (a, b, ...)} for {@code groupBy}: the groups, then subtotals dropping keys from the right, then the
     * grand total.
     *
     * @param expressions the keys
     * @return the grouping element
     */
    public static Expression<Object> rollup(Expression<?>... expressions) {
        return groupingList("ROLLUP (", Expression.copy(expressions), Object.class);
    }

    /**
     * {@code CUBE (a, b, ...)} for {@code groupBy}: every combination of the keys.
     *
     * @param expressions the keys
     * @return the grouping element
     */
    public static Expression<Object> cube(Expression<?>... expressions) {
        return groupingList("CUBE (", Expression.copy(expressions), Object.class);
    }

    /**
     * {@code GROUPING SETS ((a, b), (a), ())} for {@code groupBy}: each list is one grouping; an empty list is the
     * grand total.
     *
     * @param sets the groupings
     * @return the grouping element
     */
    @SafeVarargs
    public static Expression<Object> groupingSets(List<? extends Expression<?>>... sets) {
        List<Object> parts = new ArrayList<>();
        parts.add("GROUPING SETS (");
        for (int i = 0; i < sets.length; i++) {
            parts.add(i == 0 ? "(" : ", (");
            List<? extends Expression<?>> set = sets[i];
            for (int j = 0; j < set.size(); j++) {
                parts.add(j == 0 ? "" : ", ");
                parts.add(set.get(j));
            }
            parts.add(")");
        }
        parts.add(")");
        return new Template<>(Object.class, false, parts.toArray());
    }

    private static <V> Expression<V> groupingList(String open, List<Expression<?>> expressions, Class<V> type) {
        List<Object> parts = new ArrayList<>();
        parts.add(open);
        for (int i = 0; i < expressions.size(); i++) {
            parts.add(i == 0 ? "" : ", ");
            parts.add(expressions.get(i));
        }
        parts.add(")");
        return new Template<>(type, false, parts.toArray());
    }

    /**
     * {@code GROUPING(a, ...)}: a bit mask telling which keys a row of {@code ROLLUP}/{@code CUBE}/{@code GROUPING
     * SETS} aggregates over (1 = not grouped by that key).
     *
     * @param expressions grouping keys
     * @return the expression
     */
    public static Expression<Integer> grouping(Expression<?>... expressions) {
        return groupingList("GROUPING(", Expression.copy(expressions), Integer.class);
    }

    // ---- full-text search --------------------------------------------------------------------------------------

    /**
     * {@code to_tsvector('config', document)}.
     *
     * @param config a text search configuration such as {@code english} (written into the SQL, checked)
     * @param document the text
     * @return the {@code tsvector}, read as its text
     */
    public static Expression<String> toTsVector(String config, Expression<String> document) {
        return new Template<>(String.class, false, "to_tsvector(" + config(config) + ", ", document, ")");
    }

    /**
     * {@code to_tsquery('config', ?)}: a query in PostgreSQL's syntax ({@code fat & (rat | cat)}), bound.
     *
     * @param config the configuration
     * @param query the query text
     * @return the {@code tsquery}
     */
    public static Expression<String> toTsQuery(String config, String query) {
        return tsQuery("to_tsquery(", config, query);
    }

    /**
     * {@code plainto_tsquery('config', ?)}: every word of plain text must match.
     *
     * @param config the configuration
     * @param text the words, bound
     * @return the {@code tsquery}
     */
    public static Expression<String> plainToTsQuery(String config, String text) {
        return tsQuery("plainto_tsquery(", config, text);
    }

    /**
     * {@code websearch_to_tsquery('config', ?)}: web-search syntax ({@code "exact phrase" or -excluded}), safe for
     * user input.
     *
     * @param config the configuration
     * @param text the search, bound
     * @return the {@code tsquery}
     */
    public static Expression<String> websearchToTsQuery(String config, String text) {
        return tsQuery("websearch_to_tsquery(", config, text);
    }

    /**
     * {@code ts_rank(vector, query)}: how well the document matches ({@code real}).
     *
     * @param vector a {@code tsvector} column or {@link #toTsVector}
     * @param query a {@code tsquery}
     * @return the rank
     */
    public static Expression<Float> tsRank(Expression<?> vector, Expression<?> query) {
        return new Template<>(Float.class, false, "ts_rank(", vector, ", ", query, ")");
    }

    private static Expression<String> tsQuery(String function, String config, String text) {
        return new Template<>(
                String.class,
                false,
                function + config(config) + ", ",
                new Param<>(Values.notNull(text, function.substring(0, function.length() - 1), "Expressions"), null),
                ")");
    }

    private static String config(String config) {
        if (config == null || !config.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
            throw new IllegalArgumentException(
                    "Invalid text search configuration '" + config + "': write a name such" + " as english or simple");
        }
        return "'" + config + "'::regconfig";
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

        @Override
        void shape(ShapeKey key) {
            key.add(ScalarSubquery.class);
            query.shape(key);
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
