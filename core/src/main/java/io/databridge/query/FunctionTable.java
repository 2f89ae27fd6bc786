package io.databridge.query;

import io.databridge.internal.model.JavaTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * A set-returning function in {@code FROM}: {@code unnest(array)}, {@code jsonb_array_elements(json)} or {@code
 * jsonb_array_elements_text(json)}, one row per element, under a name. Join it into a query with {@code crossJoin},
 * {@code join} or {@code leftJoin}; its argument may read the columns of the tables before it (each film's tags),
 * {@link #lateral()} writes PostgreSQL's {@code LATERAL} keyword for that, which a function does not need. Its
 * element column, named like the table, is {@link #value()}; {@link #withOrdinality()} adds each element's 1-based
 * position, {@link #ordinality()}.
 *
 * <pre>{@code
 * FunctionTable<String> tag = FunctionTable.unnest("tag", Purchase_.tags, String.class).withOrdinality();
 * db.from(Purchase.class).crossJoin(tag)
 *   .where(tag.value().ne("gift"))
 *   .selectTuple(Purchase_.id, tag.value(), tag.ordinality())
 * }</pre>
 *
 * renders {@code SELECT "purchases"."id", "tag"."tag", "tag"."ordinality" FROM "purchases" CROSS JOIN
 * unnest("purchases"."tags") WITH ORDINALITY AS "tag"("tag", "ordinality") WHERE "tag"."tag" <> ?}. Immutable and
 * thread-safe.
 *
 * @param <V> the Java type of the elements
 */
public final class FunctionTable<V> extends QueryTable<V> {

    private static final String ORDINALITY = "ordinality";

    private final String function;
    private final Expression<?> argument;
    private final Class<V> elementType;
    private final boolean ordinality;
    private final boolean lateral;

    private FunctionTable(
            String name,
            String function,
            Expression<?> argument,
            Class<V> elementType,
            boolean ordinality,
            boolean lateral) {
        super(name, "function " + function, quoted -> columns(name, quoted, argument, elementType, ordinality));
        this.function = function;
        this.argument = argument;
        this.elementType = elementType;
        this.ordinality = ordinality;
        this.lateral = lateral;
    }

    private static List<Definition> columns(
            String name, String quoted, Expression<?> argument, Class<?> elementType, boolean ordinality) {
        List<Definition> columns = new ArrayList<>(2);
        columns.add(new Definition(name, quoted, JavaTypes.box(elementType), null, argument));
        if (ordinality) {
            if (name.equals(ORDINALITY)) {
                throw new IllegalArgumentException("A function table with ordinality cannot be named '" + ORDINALITY
                        + "': that is the name of its position column");
            }
            columns.add(new Definition(
                    ORDINALITY,
                    "\"" + ORDINALITY + "\"",
                    Long.class,
                    null,
                    new Template<Long>(Long.class, false, "WITH ORDINALITY")));
        }
        return columns;
    }

    /**
     * {@code unnest(array) AS "name"("name")}: one row per element of an array column or expression.
     *
     * @param name the table alias, also its element column's name; a valid identifier
     * @param array an array expression, e.g. a {@code List<String>} column
     * @param elementType the Java type of the elements, read through its codec
     * @param <V> the element type
     * @return the function table
     * @throws IllegalArgumentException when an argument is null or the name is not a valid identifier
     */
    public static <V> FunctionTable<V> unnest(String name, Expression<?> array, Class<V> elementType) {
        return of("unnest", name, array, elementType);
    }

    /**
     * {@code jsonb_array_elements(json) AS "name"("name")}: one row per element of a {@code jsonb} array, each read as
     * its JSON text (compare with {@link Expression#jsonGetText} and friends on it).
     *
     * @param name the table alias, also its element column's name
     * @param json a {@code jsonb} expression holding an array
     * @return the function table
     * @throws IllegalArgumentException when an argument is null or the name is not a valid identifier
     */
    public static FunctionTable<String> jsonbArrayElements(String name, Expression<?> json) {
        return of("jsonb_array_elements", name, json, String.class);
    }

    /**
     * {@code jsonb_array_elements_text(json) AS "name"("name")}: one row per element of a {@code jsonb} array, as
     * text (a string element without its quotes).
     *
     * @param name the table alias, also its element column's name
     * @param json a {@code jsonb} expression holding an array
     * @return the function table
     * @throws IllegalArgumentException when an argument is null or the name is not a valid identifier
     */
    public static FunctionTable<String> jsonbArrayElementsText(String name, Expression<?> json) {
        return of("jsonb_array_elements_text", name, json, String.class);
    }

    private static <V> FunctionTable<V> of(String function, String name, Expression<?> argument, Class<V> type) {
        if (name == null || argument == null || type == null) {
            throw new IllegalArgumentException(
                    function + "(...) as a FROM item needs a name, an argument and an" + " element type, none null");
        }
        return new FunctionTable<>(name, function, argument, type, false, false);
    }

    /**
     * {@code ... WITH ORDINALITY AS "name"("name", "ordinality")}: adds each element's 1-based position.
     *
     * @return a new function table
     */
    public FunctionTable<V> withOrdinality() {
        return new FunctionTable<>(name(), function, argument, elementType, true, lateral);
    }

    /**
     * {@code LATERAL function(...)}: says in the SQL that the argument reads tables before it in {@code FROM}
     * (PostgreSQL treats a function in {@code FROM} as lateral either way).
     *
     * @return a new function table
     */
    public FunctionTable<V> lateral() {
        return new FunctionTable<>(name(), function, argument, elementType, ordinality, true);
    }

    /**
     * The element column: {@code "name"."name"}.
     *
     * @return the column
     */
    public DerivedColumn<V> value() {
        return new DerivedColumn<>(this, columns.get(0));
    }

    /**
     * The position column of {@link #withOrdinality()}: {@code "name"."ordinality"}, from 1.
     *
     * @return the column
     * @throws IllegalArgumentException when the table has no ordinality
     */
    public DerivedColumn<Long> ordinality() {
        if (!ordinality) {
            throw new IllegalArgumentException(describe() + " has no ordinality column; call withOrdinality() first");
        }
        return new DerivedColumn<>(this, columns.get(1));
    }

    @Override
    void shapeDefinition(ShapeKey key) {
        key.add(function).add(elementType).add(ordinality).add(lateral);
        argument.shape(key);
    }

    @Override
    void renderFrom(SqlRenderer renderer) {
        renderer.append(lateral ? "LATERAL " : "").append(function).append('(');
        argument.render(renderer);
        renderer.append(ordinality ? ") WITH ORDINALITY AS " : ") AS ").append(quotedName());
        renderColumnList(renderer);
    }
}
