package io.databridge.query;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One persistent property of an entity, as the generated metamodel declares it: {@code User_.email} is a {@code
 * Column<User, String>}. It holds the entity class and the Java property name; the column name and the codec come from
 * the entity model of the {@code DataBridge} that runs the query, so each engine's naming strategy and codecs apply.
 * Immutable and thread-safe.
 *
 * @param <T> the entity type
 * @param <V> the property's Java type (primitives boxed)
 */
public sealed class Column<T, V> extends Expression<V> permits ToOne {

    private final Class<T> entity;
    private final String property;
    private final Class<?> valueClass;
    private final @Nullable String alias;

    Column(Class<T> entity, String property, Class<?> valueClass, @Nullable String alias) {
        this.entity = entity;
        this.property = property;
        this.valueClass = valueClass;
        this.alias = alias;
    }

    /**
     * Declares a column; called by generated metamodels.
     *
     * @param entity the entity class
     * @param property the Java property name
     * @param valueClass the erased value class
     * @param <T> the entity type
     * @param <V> the value type
     * @return the column
     */
    public static <T, V> Column<T, V> of(Class<T> entity, String property, Class<?> valueClass) {
        return new Column<>(
                Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(property, "property"),
                Objects.requireNonNull(valueClass, "valueClass"),
                null);
    }

    /** The same column read through a table alias (see {@link EntityAlias#get(Column)}). */
    Column<T, V> withAlias(String tableAlias) {
        return new Column<>(entity, property, valueClass, tableAlias);
    }

    /**
     * The entity class.
     *
     * @return the class
     */
    public Class<T> entity() {
        return entity;
    }

    /**
     * The Java property name.
     *
     * @return the name
     */
    public String property() {
        return property;
    }

    /**
     * The erased Java class of the values, e.g. {@code List.class} for a {@code List<String>} property.
     *
     * @return the class
     */
    public Class<?> valueClass() {
        return valueClass;
    }

    /**
     * The table alias this column is read through, or {@code null} for the entity's own table.
     *
     * @return the alias or {@code null}
     */
    public @Nullable String alias() {
        return alias;
    }

    @Override
    void render(SqlRenderer renderer) {
        renderer.append(renderer.scope.column(this));
    }

    @Override
    Class<?> javaType() {
        return valueClass;
    }

    @Override
    void shape(ShapeKey key) {
        key.add(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Column<?, ?> column
                && column.entity == entity
                && column.property.equals(property)
                && Objects.equals(column.alias, alias);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + property.hashCode();
    }

    @Override
    public String toString() {
        return (alias == null ? entity.getSimpleName() : alias) + "." + property;
    }
}
