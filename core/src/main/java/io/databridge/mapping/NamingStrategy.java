package io.databridge.mapping;

import io.databridge.internal.rules.SnakeCase;

/**
 * Derives table and column names for entities that do not name them explicitly. Implementations must be thread-safe
 * and return the same name for the same input.
 */
public interface NamingStrategy {

    /** camelCase and PascalCase to snake_case: {@code OrderLine} → {@code order_line}, {@code userID} → {@code user_id}. */
    NamingStrategy SNAKE_CASE = new NamingStrategy() {};

    /**
     * The table name for an entity class without {@code @Table(name = ...)}.
     *
     * @param entityType the entity class
     * @return the table name
     */
    default String tableName(Class<?> entityType) {
        return snakeCase(entityType.getSimpleName());
    }

    /**
     * The column name for a property without {@code @Column(name = ...)}.
     *
     * @param propertyName the Java property name
     * @return the column name
     */
    default String columnName(String propertyName) {
        return snakeCase(propertyName);
    }

    /**
     * Converts a Java name to snake_case. An upper-case letter starts a new word unless it continues an acronym:
     * {@code HTTPServer} → {@code http_server}, {@code createdAt} → {@code created_at}, {@code address2} →
     * {@code address2}.
     *
     * @param name a Java identifier
     * @return the snake_case form
     */
    static String snakeCase(String name) {
        return SnakeCase.of(name);
    }
}
