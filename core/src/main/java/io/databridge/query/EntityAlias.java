package io.databridge.query;

import io.databridge.internal.sql.Identifiers;

/**
 * A named occurrence of an entity's table in a query, for self-joins and correlated subqueries: {@code
 * EntityAlias<Employee> boss = EntityAlias.of(Employee.class, "boss")}, then {@code boss.get(Employee_.id)}. Immutable
 * and thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityAlias<T> {

    private final Class<T> entity;
    private final String name;

    private EntityAlias(Class<T> entity, String name) {
        this.entity = entity;
        this.name = Identifiers.validate(name, "table alias");
    }

    /**
     * Names an occurrence of an entity's table.
     *
     * @param entity the entity class
     * @param name the alias, a valid identifier
     * @param <T> the entity type
     * @return the alias
     * @throws IllegalArgumentException when the name is not a valid identifier
     */
    public static <T> EntityAlias<T> of(Class<T> entity, String name) {
        return new EntityAlias<>(entity, name);
    }

    /**
     * A column of the entity read through this alias: renders {@code "alias"."column"}.
     *
     * @param column a metamodel column of the entity
     * @param <V> the value type
     * @return the aliased column
     */
    public <V> Column<T, V> get(Column<T, V> column) {
        return column.withAlias(name);
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
     * The alias.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + " AS " + name;
    }
}
