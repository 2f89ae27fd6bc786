package io.databridge.query;

import io.databridge.internal.model.PropertyModel;
import org.jspecify.annotations.Nullable;

/**
 * A column of a {@link Cte} or {@link DerivedTable}, e.g. {@code recent.get(Purchase_.total)}: renders {@code
 * "recent"."total"}. Typed like the expression that selected it, so comparisons are checked by the compiler; values
 * compared with it are bound through the entity property's codec when the column comes from one. Immutable and
 * thread-safe.
 *
 * @param <V> the Java type of the column's values
 */
public final class DerivedColumn<V> extends Expression<V> {

    private final QueryTable<?> table;
    private final QueryTable.Definition definition;

    DerivedColumn(QueryTable<?> table, QueryTable.Definition definition) {
        this.table = table;
        this.definition = definition;
    }

    /**
     * The table this column belongs to.
     *
     * @return the CTE or derived table
     */
    public QueryTable<?> table() {
        return table;
    }

    /**
     * The column name.
     *
     * @return the name, unquoted
     */
    public String name() {
        return definition.name();
    }

    String quotedName() {
        return definition.quotedName();
    }

    /** The expression the table's query selected for this column. */
    Expression<?> source() {
        return definition.source();
    }

    @Nullable
    PropertyModel property() {
        return definition.property();
    }

    @Override
    void render(SqlRenderer renderer) {
        renderer.append(renderer.scope.column(this));
    }

    @Override
    Class<?> javaType() {
        return definition.javaType();
    }

    @Override
    void shape(ShapeKey key) {
        // The table's own shape is part of the FROM item that defines it; here only which of its columns.
        key.add(DerivedColumn.class).add(table.name()).add(definition.name()).add(definition.javaType());
        key.add(definition.property());
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DerivedColumn<?> column
                && column.table.name().equals(table.name())
                && column.name().equals(name());
    }

    @Override
    public int hashCode() {
        return table.name().hashCode() * 31 + name().hashCode();
    }

    @Override
    public String toString() {
        return table.name() + "." + name();
    }
}
