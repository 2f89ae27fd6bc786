package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.sql.Identifiers;
import io.databridge.query.ExpressionNodes.Aliased;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A named table made from a query: a {@link Cte} ({@code WITH "name" AS (...)}) or a {@link DerivedTable} ({@code
 * FROM (SELECT ...) AS "name"}). Read it with {@code db.from(table)} or join it with {@link
 * SelectQuery#join(QueryTable, Condition)}; its columns are typed {@link DerivedColumn}s taken with {@link
 * #get(Expression)} by the expression that selected them. The column names are fixed when the table is created, from
 * the selected columns' names or their {@code as("alias")}, and rendered as an explicit column list, so the SQL does not
 * depend on what labels PostgreSQL would infer. Immutable and thread-safe.
 *
 * @param <R> the row type of the query, which is also what {@code db.from(table)} returns
 */
public abstract sealed class QueryTable<R> permits Cte, DerivedTable {

    /** One column of the table: its name, Java type and, when it comes from an entity property, that property. */
    record Definition(
            String name,
            String quotedName,
            Class<?> javaType,
            @Nullable PropertyModel property,
            Expression<?> source) {}

    private final String name;
    private final String kind;
    private final String quotedName;
    final DefaultSelectQuery<R> shape;
    final List<Definition> columns;

    /** Validates the name; {@code kind} says what the table is in messages: {@code CTE}, {@code derived table}. */
    QueryTable(String name, String kind, DefaultSelectQuery<R> shape) {
        this.quotedName = Identifiers.quote(name, kind + " name");
        this.name = name;
        this.kind = kind;
        this.shape = shape;
        this.columns = definitions(shape, kind + " " + name);
    }

    /** Appends this table as a {@code FROM} item, registering what it needs (a CTE) with the renderer. */
    abstract void renderFrom(SqlRenderer renderer);

    /**
     * Adds what this table renders to a statement's shape: its kind, name and columns, and the shape of what defines
     * it (its query), so that two statements reading tables of the same name but different bodies never share a
     * rendering.
     */
    void shape(ShapeKey key) {
        key.add(getClass()).add(name).add(columns.size());
        shapeDefinition(key);
    }

    /** Adds the shape of what defines the table (its query, its function call). */
    abstract void shapeDefinition(ShapeKey key);

    /** The expressions a tuple row of this table is read by (see {@link Tuple#get(Expression)}). */
    List<Expression<?>> tupleExpressions() {
        return shape.state.tupleExpressions();
    }

    /** What the table is, for messages: {@code CTE recent}, {@code derived table t}. */
    String describe() {
        return kind + " " + name;
    }

    @Override
    public String toString() {
        return describe() + columnNames();
    }

    /**
     * The name the table is referred to by.
     *
     * @return the name, unquoted
     */
    public String name() {
        return name;
    }

    String quotedName() {
        return quotedName;
    }

    /**
     * The column names, in select order.
     *
     * @return the names, unquoted
     */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Definition column : columns) {
            names.add(column.name());
        }
        return List.copyOf(names);
    }

    /**
     * The column holding what {@code selected} selected in the table's query: a metamodel column ({@code
     * recent.get(Purchase_.customerId)}), or the very expression that was selected ({@code recent.get(spent)} where
     * {@code spent = sum(Purchase_.total).as("spent")}). A column the query read from another CTE is found by that
     * CTE's column or by what that column came from. Renders {@code "name"."column"}; compared values are bound
     * through the property's codec when the column comes from an entity property.
     *
     * @param selected the expression the table's query selected
     * @param <V> the value type
     * @return the column
     * @throws IllegalArgumentException when {@code selected} is null, or the query did not select it
     */
    public <V> DerivedColumn<V> get(Expression<V> selected) {
        if (selected == null) {
            throw new IllegalArgumentException(describe() + ".get(null): pass an expression its query selected");
        }
        Definition found = null;
        for (Definition column : columns) {
            if (matches(column.source(), selected)) {
                if (found != null) {
                    throw new IllegalArgumentException(describe() + " has more than one column for " + selected + ": "
                            + found.name() + " and " + column.name() + "; use column(name, type)");
                }
                found = column;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(
                    describe() + " has no column for " + selected + "; its columns are " + columnNames());
        }
        return new DerivedColumn<>(this, found);
    }

    /**
     * The column with the given name, e.g. one named with {@code as("spent")}.
     *
     * @param name the column name
     * @param type the Java type of its values
     * @param <V> the value type
     * @return the column
     * @throws IllegalArgumentException when the table has no such column, or its values are not of that type
     */
    public <V> DerivedColumn<V> column(String name, Class<V> type) {
        if (name == null || type == null) {
            throw new IllegalArgumentException(describe() + ".column(name, type): name and type must not be null");
        }
        for (Definition column : columns) {
            if (column.name().equals(name)) {
                Class<?> actual = io.databridge.internal.model.JavaTypes.box(column.javaType());
                Class<?> wanted = io.databridge.internal.model.JavaTypes.box(type);
                if (!wanted.isAssignableFrom(actual) && !actual.isAssignableFrom(wanted)) {
                    throw new IllegalArgumentException(describe() + "." + name + " holds " + actual.getSimpleName()
                            + " values, not " + wanted.getSimpleName());
                }
                return new DerivedColumn<>(this, column);
            }
        }
        throw new IllegalArgumentException(
                describe() + " has no column named '" + name + "'; its columns are " + columnNames());
    }

    /** Appends {@code ("a", "b")}, the explicit column list. */
    void renderColumnList(SqlRenderer renderer) {
        renderer.append('(');
        for (int i = 0; i < columns.size(); i++) {
            renderer.append(i == 0 ? "" : ", ").append(columns.get(i).quotedName());
        }
        renderer.append(')');
    }

    /** Reads the table's rows as its query does (the columns are in the same order). */
    RowReader<R> reader() {
        // Rendered aside (not through the cache): only a statement's full rendering asks, once per shape.
        RowReader<R> reader = shape.renderSelect(shape.renderer(), null);
        return java.util.Objects.requireNonNull(reader, "a full rendering builds its reader");
    }

    private static boolean matches(Expression<?> source, Expression<?> selected) {
        if (source.equals(selected)) {
            return true;
        }
        if (source instanceof Aliased<?> aliased) {
            return matches(aliased.expression, selected);
        }
        if (source instanceof DerivedColumn<?> column && matches(column.source(), selected)) {
            return true;
        }
        return source instanceof Column<?, ?> column
                && selected instanceof Column<?, ?> wanted
                && column.entity() == wanted.entity()
                && column.property().equals(wanted.property());
    }

    /** The query as a table: one column per entity property, or per projected expression. */
    static <R> DefaultSelectQuery<R> shapeOf(ResultQuery<R> query, String what) {
        if (query == null) {
            throw new IllegalArgumentException(what + " needs a query, not null");
        }
        if (query instanceof AbstractResultQuery<R> result) {
            return result.leftmost();
        }
        throw new IllegalArgumentException(what + " needs a query built with DataBridge.from(...), not " + query);
    }

    private static List<Definition> definitions(DefaultSelectQuery<?> shape, String what) {
        SelectState state = shape.state;
        List<Definition> columns = new ArrayList<>();
        if (state.shape == SelectState.Shape.ENTITY) {
            if (state.rootTable != null) {
                return state.rootTable.columns;
            }
            EntityModel<?> model = state.entity("a " + what);
            for (PropertyModel property : model.properties()) {
                Class<?> type = io.databridge.internal.model.JavaTypes.box(
                        property.valueType().rawType());
                columns.add(new Definition(
                        property.columnName(),
                        property.quotedColumn(),
                        type,
                        property,
                        Column.of(model.type(), property.name(), type)));
            }
            return List.copyOf(columns);
        }
        EntityModels models = shape.executor.models();
        for (Expression<?> expression : state.projection) {
            Expression<?> named = expression instanceof Aliased<?> aliased ? aliased.expression : expression;
            PropertyModel property = propertyOf(models, named);
            String name;
            if (expression instanceof Aliased<?> aliased) {
                name = aliased.alias;
            } else if (named instanceof DerivedColumn<?> column) {
                name = column.name();
            } else if (property != null) {
                name = property.columnName();
            } else {
                throw new IllegalArgumentException(
                        what + " needs a name for the column " + expression + ": select it as expression.as(\"name\")");
            }
            for (Definition column : columns) {
                if (column.name().equals(name)) {
                    throw new IllegalArgumentException(
                            what + " would have two columns named '" + name + "'; rename one with .as(\"other_name\")");
                }
            }
            columns.add(new Definition(
                    name, Identifiers.quote(name, "column name"), named.javaType(), property, expression));
        }
        return List.copyOf(columns);
    }

    private static @Nullable PropertyModel propertyOf(EntityModels models, Expression<?> expression) {
        if (expression instanceof DerivedColumn<?> column) {
            return column.property();
        }
        if (expression instanceof Column<?, ?> column) {
            return models.get(column.entity())
                    .property(column.property())
                    .orElseThrow(() -> new InvalidDataAccessApiUsageException(
                            column.entity().getName() + " has no persistent property '" + column.property()
                                    + "'; regenerate the metamodel"));
        }
        return null;
    }
}
