package io.databridge.query;

import io.databridge.query.ExpressionNodes.Aliased;
import io.databridge.query.ExpressionNodes.Cast;
import io.databridge.query.ExpressionNodes.Operator;
import io.databridge.query.ExpressionNodes.Param;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A typed SQL expression: a {@link Column}, a function call, an aggregate, a subquery or a bound value. It builds
 * {@link Condition}s and sort orders; the compiler checks that a comparison's operand has the expression's type.
 * Values are always bound as parameters, never written into SQL. Obtain expressions from the metamodel and {@link
 * Expressions}; the class cannot be extended outside this package. Immutable and thread-safe.
 *
 * @param <V> the Java type of the expression's values
 */
public abstract class Expression<V> {

    Expression() {}

    /** Appends the SQL of this expression. */
    abstract void render(SqlRenderer renderer);

    /** The Java class values of this expression read as, when no other type is given. */
    abstract Class<?> javaType();

    /** The full type values read as, e.g. {@code List<String>} for {@code array_agg} of text; its class by default. */
    java.lang.reflect.Type genericType() {
        return javaType();
    }

    /**
     * Adds what this expression's SQL text (and the reading of its values) depends on to a query's shape, never a bound
     * value; text written inline (a literal, a keyword, a checked name) is part of it. Every node states its shape, so
     * every statement the DSL builds renders once per shape ({@link RenderCache}).
     */
    abstract void shape(ShapeKey key);

    /** Whether the expression must be parenthesized as an operand of an operator. */
    boolean compound() {
        return false;
    }

    void renderOperand(SqlRenderer renderer) {
        if (compound()) {
            renderer.append('(');
            render(renderer);
            renderer.append(')');
        } else {
            render(renderer);
        }
    }

    // ---- comparisons -------------------------------------------------------------------------------------------

    /**
     * {@code this = value}.
     *
     * @param value the value, bound through this column's codec
     * @return the condition
     * @throws IllegalArgumentException when {@code value} is {@code null} (use {@link #isNull()})
     */
    public Condition eq(V value) {
        return compare(" = ", "eq", value);
    }

    /**
     * {@code this = other}, e.g. a column of another joined entity.
     *
     * @param other the other expression
     * @return the condition
     */
    public Condition eq(Expression<? extends V> other) {
        return new Conditions.Comparison(this, " = ", other);
    }

    /**
     * {@code this <> value}.
     *
     * @param value the value
     * @return the condition
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public Condition ne(V value) {
        return compare(" <> ", "ne", value);
    }

    /**
     * {@code this <> other}.
     *
     * @param other the other expression
     * @return the condition
     */
    public Condition ne(Expression<? extends V> other) {
        return new Conditions.Comparison(this, " <> ", other);
    }

    /**
     * {@code this > value}.
     *
     * @param value the value
     * @return the condition
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public Condition gt(V value) {
        return compare(" > ", "gt", value);
    }

    /**
     * {@code this > other}.
     *
     * @param other the other expression
     * @return the condition
     */
    public Condition gt(Expression<? extends V> other) {
        return new Conditions.Comparison(this, " > ", other);
    }

    /**
     * {@code this >= value}.
     *
     * @param value the value
     * @return the condition
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public Condition ge(V value) {
        return compare(" >= ", "ge", value);
    }

    /**
     * {@code this >= other}.
     *
     * @param other the other expression
     * @return the condition
     */
    public Condition ge(Expression<? extends V> other) {
        return new Conditions.Comparison(this, " >= ", other);
    }

    /**
     * {@code this < value}.
     *
     * @param value the value
     * @return the condition
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public Condition lt(V value) {
        return compare(" < ", "lt", value);
    }

    /**
     * {@code this < other}.
     *
     * @param other the other expression
     * @return the condition
     */
    public Condition lt(Expression<? extends V> other) {
        return new Conditions.Comparison(this, " < ", other);
    }

    /**
     * {@code this <= value}.
     *
     * @param value the value
     * @return the condition
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public Condition le(V value) {
        return compare(" <= ", "le", value);
    }

    /**
     * {@code this <= other}.
     *
     * @param other the other expression
     * @return the condition
     */
    public Condition le(Expression<? extends V> other) {
        return new Conditions.Comparison(this, " <= ", other);
    }

    /**
     * {@code this = ANY(?)}: all values are bound as one array, so the SQL text is the same for any number of values.
     *
     * @param values the values, at least one, none {@code null}
     * @return the condition
     * @throws IllegalArgumentException when the collection is empty or holds {@code null}
     */
    public Condition in(Collection<? extends V> values) {
        return new Conditions.InValues(this, Values.nonEmpty("in", this, values), false);
    }

    /**
     * {@code this = ANY(?)}.
     *
     * @param values the values, at least one, none {@code null}
     * @return the condition
     * @throws IllegalArgumentException when there are no values or one is {@code null}
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read into a list
    public final Condition in(V... values) {
        return in(listOf(values));
    }

    /**
     * {@code this IN (subquery)}.
     *
     * @param subquery a query selecting one column of this type
     * @return the condition
     */
    public Condition in(ResultQuery<? extends V> subquery) {
        return new Conditions.InSubquery(this, DefaultSelectQuery.of(subquery), false);
    }

    /**
     * {@code this <> ALL(?)}, i.e. NOT IN, with the values bound as one array.
     *
     * @param values the values, at least one, none {@code null}
     * @return the condition
     * @throws IllegalArgumentException when the collection is empty or holds {@code null}
     */
    public Condition notIn(Collection<? extends V> values) {
        return new Conditions.InValues(this, Values.nonEmpty("notIn", this, values), true);
    }

    /**
     * {@code this <> ALL(?)}.
     *
     * @param values the values, at least one, none {@code null}
     * @return the condition
     * @throws IllegalArgumentException when there are no values or one is {@code null}
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read into a list
    public final Condition notIn(V... values) {
        return notIn(listOf(values));
    }

    /**
     * {@code this NOT IN (subquery)}.
     *
     * @param subquery a query selecting one column of this type
     * @return the condition
     */
    public Condition notIn(ResultQuery<? extends V> subquery) {
        return new Conditions.InSubquery(this, DefaultSelectQuery.of(subquery), true);
    }

    /**
     * {@code this BETWEEN low AND high} (both ends included).
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the condition
     * @throws IllegalArgumentException when a bound is {@code null}
     */
    public Condition between(V low, V high) {
        return new Conditions.Between(
                this,
                new Param<>(Values.notNull(low, "between", this), this),
                new Param<>(Values.notNull(high, "between", this), this));
    }

    /**
     * {@code this IS NULL}.
     *
     * @return the condition
     */
    public Condition isNull() {
        return new Conditions.Postfix(this, " IS NULL");
    }

    /**
     * {@code this IS NOT NULL}.
     *
     * @return the condition
     */
    public Condition isNotNull() {
        return new Conditions.Postfix(this, " IS NOT NULL");
    }

    /**
     * {@code this IS TRUE} (false for {@code NULL}).
     *
     * @return the condition
     */
    public Condition isTrue() {
        return new Conditions.Postfix(this, " IS TRUE");
    }

    /**
     * {@code this IS FALSE} (false for {@code NULL}).
     *
     * @return the condition
     */
    public Condition isFalse() {
        return new Conditions.Postfix(this, " IS FALSE");
    }

    // ---- text --------------------------------------------------------------------------------------------------

    /**
     * {@code this LIKE pattern}; {@code %} and {@code _} in the pattern are wildcards, backslash escapes them.
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Condition like(String pattern) {
        return new Conditions.Like(this, " LIKE ", Values.notNull(pattern, "like", this));
    }

    /**
     * {@code this ILIKE pattern}, case-insensitive.
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Condition ilike(String pattern) {
        return new Conditions.Like(this, " ILIKE ", Values.notNull(pattern, "ilike", this));
    }

    /**
     * {@code this LIKE 'prefix%'} with {@code %}, {@code _} and backslash in {@code prefix} matched literally.
     *
     * @param prefix the literal prefix
     * @return the condition
     */
    public Condition startsWith(String prefix) {
        return new Conditions.Like(this, " LIKE ", Values.escapeLike(Values.notNull(prefix, "startsWith", this)) + "%");
    }

    /**
     * {@code this LIKE '%suffix'}, the suffix matched literally.
     *
     * @param suffix the literal suffix
     * @return the condition
     */
    public Condition endsWith(String suffix) {
        return new Conditions.Like(this, " LIKE ", "%" + Values.escapeLike(Values.notNull(suffix, "endsWith", this)));
    }

    /**
     * {@code this LIKE '%part%'}, the part matched literally.
     *
     * @param part the literal text
     * @return the condition
     */
    public Condition contains(String part) {
        return new Conditions.Like(
                this, " LIKE ", "%" + Values.escapeLike(Values.notNull(part, "contains", this)) + "%");
    }

    /**
     * {@code this ILIKE 'prefix%'}: a case-insensitive {@link #startsWith(String)}, the prefix matched literally.
     *
     * @param prefix the literal prefix
     * @return the condition
     */
    public Condition startsWithIgnoreCase(String prefix) {
        return new Conditions.Like(
                this, " ILIKE ", Values.escapeLike(Values.notNull(prefix, "startsWithIgnoreCase", this)) + "%");
    }

    /**
     * {@code this ILIKE '%suffix'}: a case-insensitive {@link #endsWith(String)}, the suffix matched literally.
     *
     * @param suffix the literal suffix
     * @return the condition
     */
    public Condition endsWithIgnoreCase(String suffix) {
        return new Conditions.Like(
                this, " ILIKE ", "%" + Values.escapeLike(Values.notNull(suffix, "endsWithIgnoreCase", this)));
    }

    /**
     * {@code this ILIKE '%part%'}: a case-insensitive {@link #contains(String)}, the part matched literally.
     *
     * @param part the literal text
     * @return the condition
     */
    public Condition containsIgnoreCase(String part) {
        return new Conditions.Like(
                this, " ILIKE ", "%" + Values.escapeLike(Values.notNull(part, "containsIgnoreCase", this)) + "%");
    }

    /**
     * {@code this ~ regex}: PostgreSQL's POSIX regular-expression match (case-sensitive).
     *
     * @param regex the pattern, bound as text
     * @return the condition
     */
    public Condition matches(String regex) {
        return new Conditions.Like(this, " ~ ", Values.notNull(regex, "matches", this));
    }

    // ---- jsonb and arrays --------------------------------------------------------------------------------------

    /**
     * {@code this -> 'key'} on a {@code jsonb} column: the member as {@code jsonb}, read as its JSON text.
     *
     * @param key the member name, bound
     * @return the member
     */
    public Expression<String> jsonGet(String key) {
        return new Operator<>(this, " -> ", new Param<>(Values.notNull(key, "jsonGet", this), null), String.class);
    }

    /**
     * {@code this ->> 'key'} on a {@code jsonb} column: the member as text.
     *
     * @param key the member name, bound
     * @return the member text
     */
    public Expression<String> jsonGetText(String key) {
        return new Operator<>(this, " ->> ", new Param<>(Values.notNull(key, "jsonGetText", this), null), String.class);
    }

    /**
     * {@code this @> ?::jsonb}: the {@code jsonb} value contains the given JSON document.
     *
     * @param json a JSON document, e.g. {@code {"tier":"gold"}}, bound as text and cast
     * @return the condition
     */
    public Condition jsonContains(String json) {
        return new Conditions.Comparison(
                this, " @> ", new Cast<>(new Param<>(Values.notNull(json, "jsonContains", this), null), "jsonb"));
    }

    /**
     * {@code this ?? key}: the {@code jsonb} object has the top-level key (PostgreSQL's {@code ?} operator, written
     * {@code ??} so that pgjdbc does not read it as a placeholder).
     *
     * @param key the key, bound
     * @return the condition
     */
    public Condition jsonHasKey(String key) {
        return new Conditions.Comparison(this, " ?? ", new Param<>(Values.notNull(key, "jsonHasKey", this), null));
    }

    /**
     * {@code this @> ?} on an array column: it holds every element of {@code other}.
     *
     * @param other the elements, bound through this column's codec
     * @return the condition
     */
    public Condition arrayContains(V other) {
        return compare(" @> ", "arrayContains", other);
    }

    /**
     * {@code this && ?} on an array column: it shares an element with {@code other}.
     *
     * @param other the elements, bound through this column's codec
     * @return the condition
     */
    public Condition arrayOverlaps(V other) {
        return compare(" && ", "arrayOverlaps", other);
    }

    /**
     * {@code ? = ANY(this)} on an array column: the array holds the element.
     *
     * @param element the element, bound by its own type
     * @return the condition
     */
    public Condition hasElement(Object element) {
        return new Conditions.AnyOf(new Param<>(Values.notNull(element, "hasElement", this), null), this);
    }

    // ---- arithmetic and text --------------------------------------------------------------------------------

    /**
     * {@code this + other}. The result has this expression's type; cast first to mix types ({@link
     * Expressions#cast}).
     *
     * @param other the other operand
     * @return the sum
     */
    public Expression<V> plus(Expression<? extends V> other) {
        return arithmetic(" + ", other);
    }

    /**
     * {@code this + ?}.
     *
     * @param value the value, bound through this expression's codec
     * @return the sum
     */
    public Expression<V> plus(V value) {
        return arithmetic(" + ", bound(value, "plus"));
    }

    /**
     * {@code this - other}.
     *
     * @param other the other operand
     * @return the difference
     */
    public Expression<V> minus(Expression<? extends V> other) {
        return arithmetic(" - ", other);
    }

    /**
     * {@code this - ?}.
     *
     * @param value the value
     * @return the difference
     */
    public Expression<V> minus(V value) {
        return arithmetic(" - ", bound(value, "minus"));
    }

    /**
     * {@code this * other}.
     *
     * @param other the other operand
     * @return the product
     */
    public Expression<V> times(Expression<? extends V> other) {
        return arithmetic(" * ", other);
    }

    /**
     * {@code this * ?}.
     *
     * @param value the value
     * @return the product
     */
    public Expression<V> times(V value) {
        return arithmetic(" * ", bound(value, "times"));
    }

    /**
     * {@code this / other}; integer division truncates on integral types, as in PostgreSQL.
     *
     * @param other the divisor
     * @return the quotient
     */
    public Expression<V> dividedBy(Expression<? extends V> other) {
        return arithmetic(" / ", other);
    }

    /**
     * {@code this / ?}.
     *
     * @param value the divisor
     * @return the quotient
     */
    public Expression<V> dividedBy(V value) {
        return arithmetic(" / ", bound(value, "dividedBy"));
    }

    /**
     * {@code this % other}.
     *
     * @param other the divisor
     * @return the remainder
     */
    public Expression<V> mod(Expression<? extends V> other) {
        return arithmetic(" % ", other);
    }

    /**
     * {@code this % ?}.
     *
     * @param value the divisor
     * @return the remainder
     */
    public Expression<V> mod(V value) {
        return arithmetic(" % ", bound(value, "mod"));
    }

    /**
     * {@code this + interval} on a date or timestamp, e.g. {@code at.plusInterval(Expressions.interval("1 day"))}.
     *
     * @param interval an interval expression
     * @return the moved value (a {@code date} plus an interval is a {@code timestamp} in PostgreSQL)
     */
    public Expression<V> plusInterval(Expression<java.time.Duration> interval) {
        return arithmetic(" + ", interval);
    }

    /**
     * {@code this - interval} on a date or timestamp.
     *
     * @param interval an interval expression
     * @return the moved value
     */
    public Expression<V> minusInterval(Expression<java.time.Duration> interval) {
        return arithmetic(" - ", interval);
    }

    /**
     * {@code this || other}: text concatenation ({@code NULL} if either is {@code NULL}; {@code concat} skips them).
     *
     * @param other the text to append
     * @return the text
     */
    public Expression<String> concat(Expression<?> other) {
        return new Operator<>(this, " || ", other, String.class);
    }

    /**
     * {@code this || ?}.
     *
     * @param text the text to append, bound
     * @return the text
     */
    public Expression<String> concat(String text) {
        return concat(new Param<String>(Values.notNull(text, "concat", this), null));
    }

    private Expression<V> arithmetic(String operator, Expression<?> other) {
        if (other == null) {
            throw new IllegalArgumentException(operator.trim() + " needs an operand, not null");
        }
        return new Operator<>(this, operator, other, javaType());
    }

    private Expression<V> bound(V value, String method) {
        return new Param<>(Values.notNull(value, method, this), this);
    }

    // ---- jsonb paths and full-text search ------------------------------------------------------------------------

    /**
     * {@code this #> ?::text[]} on {@code jsonb}: the value at a nested path, as {@code jsonb} read as JSON text.
     *
     * @param path the keys and array indexes, bound as one array
     * @return the value
     */
    public Expression<String> jsonPath(String... path) {
        return new Operator<>(this, " #> ", jsonPathArray(path, "jsonPath"), String.class);
    }

    /**
     * {@code this #>> ?::text[]} on {@code jsonb}: the value at a nested path, as text.
     *
     * @param path the keys and array indexes
     * @return the text
     */
    public Expression<String> jsonPathText(String... path) {
        return new Operator<>(this, " #>> ", jsonPathArray(path, "jsonPathText"), String.class);
    }

    /**
     * {@code this @?? CAST(? AS jsonpath)} on {@code jsonb}: the SQL/JSON path finds an item (PostgreSQL's {@code
     * @?}, written {@code @??} for pgjdbc), e.g. {@code $.tags[*] ? (@ == "gift")}.
     *
     * @param jsonPath the path, bound
     * @return the condition
     */
    public Condition jsonPathExists(String jsonPath) {
        return new Conditions.Comparison(
                this,
                " @?? ",
                new Cast<>(new Param<>(Values.notNull(jsonPath, "jsonPathExists", this), null), "jsonpath"));
    }

    /**
     * {@code this @@ CAST(? AS jsonpath)} on {@code jsonb}: the SQL/JSON path predicate holds, e.g. {@code
     * $.price > 10}.
     *
     * @param jsonPath the predicate, bound
     * @return the condition
     */
    public Condition jsonPathMatches(String jsonPath) {
        return new Conditions.Comparison(
                this,
                " @@ ",
                new Cast<>(new Param<>(Values.notNull(jsonPath, "jsonPathMatches", this), null), "jsonpath"));
    }

    /**
     * {@code this @@ query} on a {@code tsvector}: full-text match, e.g. {@code
     * Film_.search.textMatches(Expressions.websearchToTsQuery("english", input))}.
     *
     * @param query a {@code tsquery} expression
     * @return the condition
     */
    public Condition textMatches(Expression<?> query) {
        return new Conditions.Comparison(this, " @@ ", query);
    }

    private Expression<?> jsonPathArray(String[] path, String method) {
        if (path == null || path.length == 0) {
            throw new IllegalArgumentException(this + "." + method + "() needs at least one key");
        }
        String[] keys = path.clone();
        for (String key : keys) {
            Values.notNull(key, method, this);
        }
        return new Cast<>(new Param<>(keys, null), "text[]");
    }

    // ---- ordering and naming -----------------------------------------------------------------------------------

    /**
     * Ascending order on this expression.
     *
     * @return the sort order
     */
    public SortOrder asc() {
        return new SortOrder(this, true, null);
    }

    /**
     * Descending order on this expression.
     *
     * @return the sort order
     */
    public SortOrder desc() {
        return new SortOrder(this, false, null);
    }

    /**
     * Names this expression in a projection: {@code expression AS "alias"}.
     *
     * @param alias the column label, a valid identifier
     * @return the named expression
     * @throws IllegalArgumentException when the alias is not a valid identifier
     */
    public Expression<V> as(String alias) {
        return new Aliased<>(this, alias);
    }

    private Condition compare(String operator, String method, V value) {
        return new Conditions.Comparison(this, operator, new Param<>(Values.notNull(value, method, this), this));
    }

    private static <V> List<@Nullable V> listOf(@Nullable V[] values) {
        List<@Nullable V> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            list.add(values[i]);
        }
        return list;
    }

    static List<Expression<?>> copy(Expression<?>[] expressions) {
        for (Expression<?> expression : expressions) {
            if (expression == null) {
                throw new IllegalArgumentException("expressions must not contain null");
            }
        }
        return List.of(expressions);
    }
}
