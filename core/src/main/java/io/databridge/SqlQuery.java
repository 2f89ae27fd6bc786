package io.databridge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A raw SQL statement with {@code :named} parameters, started with {@link DataBridge#sql(String)}. Parameter values
 * are always bound, never written into the SQL text. Immutable: {@link #param} returns a new query, so a query can be
 * shared and reused. Thread-safe.
 *
 * <p>Results map to entities ({@code @Table} classes and records, columns matched by name), to other records
 * (components matched to column labels by their snake_case names), or to a single scalar column (any type with a
 * codec: {@code Long.class}, {@code String.class}, ...).
 *
 * <pre>{@code
 * List<User> adults = db.sql("SELECT * FROM users WHERE age >= :age ORDER BY id").param("age", 18).list(User.class);
 * long n = db.sql("SELECT count(*) FROM users").one(Long.class);
 * long changed = db.sql("UPDATE users SET active = false WHERE id = ANY(:ids)").param("ids", ids).update();
 * }</pre>
 */
public interface SqlQuery {

    /**
     * Binds a named parameter. A {@code Collection} or array binds as one PostgreSQL array (use {@code = ANY(:ids)}).
     *
     * @param name the parameter name, without the colon
     * @param value the value, may be {@code null}
     * @return a new query with the parameter bound
     * @throws IllegalArgumentException when the SQL has no parameter of that name
     */
    SqlQuery param(String name, @Nullable Object value);

    /**
     * Binds several named parameters.
     *
     * @param values parameter names to values
     * @return a new query with the parameters bound
     * @throws IllegalArgumentException when the SQL lacks one of the names
     */
    SqlQuery params(Map<String, ?> values);

    /**
     * Runs the query and maps every row.
     *
     * @param type an entity, a record, or a scalar type
     * @param <R> the result type
     * @return the rows, in result order
     * @throws IllegalArgumentException when a parameter is missing a value
     */
    <R> List<R> list(Class<R> type);

    /**
     * Runs the query and maps the first row, if any.
     *
     * @param type an entity, a record, or a scalar type
     * @param <R> the result type
     * @return the first row, or empty
     */
    <R> Optional<R> first(Class<R> type);

    /**
     * Runs the query and maps its only row.
     *
     * @param type an entity, a record, or a scalar type
     * @param <R> the result type
     * @return the row
     * @throws org.springframework.dao.IncorrectResultSizeDataAccessException when there is not exactly one row
     * @throws org.springframework.dao.EmptyResultDataAccessException when there is no row
     */
    <R> R one(Class<R> type);

    /**
     * Runs the query and maps rows as the stream is consumed, fetched from a server-side cursor in batches of 256. The
     * stream holds a connection and the cursor until it is closed: use it in try-with-resources. Inside a transaction
     * the cursor lives in it; outside one the stream runs in a transaction of its own, committed when the stream is
     * closed and rolled back when it fails (so {@code DELETE ... RETURNING} behaves as in autocommit).
     *
     * @param type an entity, a record, or a scalar type
     * @param <R> the result type
     * @return the rows, in result order; close it
     */
    <R> Stream<R> stream(Class<R> type);

    /**
     * Runs an {@code INSERT}, {@code UPDATE}, {@code DELETE} or DDL statement.
     *
     * @return the number of rows affected
     */
    long update();

    /**
     * Names what this statement does in observations (the {@code data-bridge.task} tag) and in the SQL and slow-query
     * logs, instead of {@code sql query}, {@code sql update} or {@code sql stream}; e.g. {@code query Customer}. Keep
     * it low-cardinality: never a value.
     *
     * @param task the task name
     * @return a new query with that task; this one is unchanged
     * @throws IllegalArgumentException when the name is blank
     */
    SqlQuery task(String task);
}
