package io.databridge.query;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query that returns rows of type {@code R}: entities, projected records, scalars or {@link Tuple}s. Immutable:
 * every method that changes the query returns a new one, so a query can be shared and reused. Thread-safe.
 *
 * @param <R> the row type
 */
public interface ResultQuery<R> {

    /**
     * Orders the rows; replaces any earlier order.
     *
     * @param orders the sort keys, in priority order
     * @return a new query
     */
    ResultQuery<R> orderBy(SortOrder... orders);

    /**
     * Returns at most {@code limit} rows ({@code LIMIT ?}).
     *
     * @param limit the maximum, {@code >= 0}
     * @return a new query
     * @throws IllegalArgumentException when negative
     */
    ResultQuery<R> limit(int limit);

    /**
     * Skips {@code offset} rows ({@code OFFSET ?}); use with a deterministic order.
     *
     * @param offset the rows to skip, {@code >= 0}
     * @return a new query
     * @throws IllegalArgumentException when negative
     */
    ResultQuery<R> offset(long offset);

    /**
     * Rows of both queries, duplicates removed ({@code UNION}).
     *
     * @param other a query with the same columns
     * @return the combined query
     */
    ResultQuery<R> union(ResultQuery<R> other);

    /**
     * Rows of both queries, duplicates kept ({@code UNION ALL}).
     *
     * @param other a query with the same columns
     * @return the combined query
     */
    ResultQuery<R> unionAll(ResultQuery<R> other);

    /**
     * Rows in both queries ({@code INTERSECT}).
     *
     * @param other a query with the same columns
     * @return the combined query
     */
    ResultQuery<R> intersect(ResultQuery<R> other);

    /**
     * Rows of this query that the other does not return ({@code EXCEPT}).
     *
     * @param other a query with the same columns
     * @return the combined query
     */
    ResultQuery<R> except(ResultQuery<R> other);

    /**
     * All rows.
     *
     * @return the rows, in query order
     * @throws org.springframework.dao.DataAccessException when the query fails
     */
    List<R> list();

    /**
     * {@code INSERT INTO target (columns) SELECT ...}: inserts this query's rows into another entity's table, in one
     * statement, without reading them. The query must select as many columns as are named, in order (an entity query
     * selects every property). Generated values the columns leave out come from the table's defaults.
     *
     * @param target the entity whose table receives the rows
     * @param columns the target's columns, from its metamodel
     * @param <E> the target entity
     * @return the number of rows inserted
     * @throws IllegalArgumentException when no column is named, or the counts differ
     */
    @SuppressWarnings("unchecked")
    <E> long insertInto(Class<E> target, Column<E, ?>... columns);

    /**
     * The first row, reading at most one ({@code LIMIT 1}).
     *
     * @return the row, or empty
     */
    Optional<R> first();

    /**
     * The only row.
     *
     * @return the row
     * @throws org.springframework.dao.IncorrectResultSizeDataAccessException when there is no row or more than one
     */
    R one();

    /**
     * Counts the rows this query would return.
     *
     * @return the count
     */
    long count();

    /**
     * Whether the query returns any row ({@code SELECT EXISTS(...)}).
     *
     * @return {@code true} when it does
     */
    boolean exists();

    /**
     * Streams rows over a server-side cursor, {@link #fetchSize(int)} rows per round trip, so memory stays bounded
     * however many rows there are. Inside a Spring transaction the cursor uses the transaction's connection; outside
     * one, the stream holds a dedicated connection with autocommit off for its life and ends that read transaction
     * when closed. Always close the stream (try-with-resources).
     *
     * @return the rows; {@link Stream#close()} closes the cursor and releases the connection
     */
    Stream<R> stream();

    /**
     * Sets how many rows a cursor fetches per round trip (default 1000).
     *
     * @param rows the fetch size, {@code >= 1}
     * @return a new query
     * @throws IllegalArgumentException when smaller than 1
     */
    ResultQuery<R> fetchSize(int rows);

    /**
     * The SQL text and binds this query runs, rendered without touching the database.
     *
     * @return the statement
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when the query is invalid (e.g. a column of
     *     an entity that is not in the query)
     */
    SqlStatement toSql();
}
