package io.databridge.query;

import java.util.List;

/**
 * A bulk {@code UPDATE} built from a {@link SelectQuery}'s condition: {@code db.from(User.class).where(...)
 * .set(User_.active, false).update()}. A {@code @Version} column is incremented and an {@code @UpdatedAt} column set
 * to the current time on every row changed, unless set explicitly. Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public interface UpdateQuery<T> {

    /**
     * Also sets a column to a value.
     *
     * @param column a column of the entity
     * @param value the value, {@code null} for SQL {@code NULL}; bound through the column's codec
     * @param <V> the value type
     * @return a new query
     */
    <V> UpdateQuery<T> set(Column<T, V> column, @org.jspecify.annotations.Nullable V value);

    /**
     * Also sets a column to an expression, e.g. another column or a function.
     *
     * @param column a column of the entity
     * @param value the expression
     * @param <V> the value type
     * @return a new query
     */
    <V> UpdateQuery<T> set(Column<T, V> column, Expression<? extends V> value);

    /**
     * Runs the update.
     *
     * @return the number of rows changed
     */
    long update();

    /**
     * Runs the update and reads the changed rows back ({@code RETURNING}).
     *
     * @return the rows as stored
     */
    List<T> updateReturning();

    /**
     * The SQL text and binds of the update.
     *
     * @return the statement
     */
    SqlStatement toSql();
}
