package io.databridge.query;

import java.util.List;

/**
 * A multi-row {@code INSERT} of entities, with an optional {@code ON CONFLICT} clause (upsert). Generated ids are left
 * to the database, versions start at 0, timestamps come from the database clock. Immutable and thread-safe.
 *
 * @param <T> the entity type
 */
public interface InsertQuery<T> {

    /**
     * Names the unique columns whose conflict triggers the {@code ON CONFLICT} action.
     *
     * @param columns the conflict target, e.g. a unique email column; columns of this entity
     * @return a new query; choose {@link #doNothing()} or {@link #doUpdate(Column[])} next
     */
    InsertQuery<T> onConflict(Column<?, ?>... columns);

    /**
     * {@code ON CONFLICT (...) DO NOTHING}.
     *
     * @return a new query
     */
    InsertQuery<T> doNothing();

    /**
     * {@code ON CONFLICT (...) DO UPDATE SET c = EXCLUDED.c} for the given columns.
     *
     * @param columns the columns to overwrite; none means every updatable column
     * @return a new query
     */
    InsertQuery<T> doUpdate(Column<?, ?>... columns);

    /**
     * Runs the insert.
     *
     * @return the number of rows inserted or updated
     */
    long execute();

    /**
     * Runs the insert and reads the stored rows back ({@code RETURNING}).
     *
     * @return the rows inserted or updated (rows skipped by {@code DO NOTHING} are absent)
     */
    List<T> returning();

    /**
     * The SQL text and binds of the insert.
     *
     * @return the statement
     */
    SqlStatement toSql();
}
