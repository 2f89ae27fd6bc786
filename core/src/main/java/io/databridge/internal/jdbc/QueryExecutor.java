package io.databridge.internal.jdbc;

import io.databridge.internal.model.EntityModels;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;

/**
 * How the query DSL reaches the database: the engine's {@link JdbcExecutor} (connections through Spring's {@code
 * DataSourceUtils}, every unit of work observed, failures translated) with the entity models queries resolve columns
 * against. Same callbacks as the executor, so nothing adapts between them. Immutable and thread-safe.
 */
public final class QueryExecutor {

    private final EntityModels models;
    private final JdbcExecutor executor;
    private final RelationFetch relations;
    private final RelationLink.Resolver links;

    /**
     * Pairs an executor with the models of the same engine.
     *
     * @param models the entity models (with their codecs and naming)
     * @param executor the executor
     * @param relations loads the relations a query fetches
     * @param links how to-many relations link, for {@code EXISTS} over them
     */
    public QueryExecutor(
            EntityModels models, JdbcExecutor executor, RelationFetch relations, RelationLink.Resolver links) {
        this.models = models;
        this.executor = executor;
        this.relations = relations;
        this.links = links;
    }

    /**
     * How the rows of a to-many relation link.
     *
     * @param source the declaring entity
     * @param property the relation property
     * @return the link
     */
    public RelationLink link(Class<?> source, String property) {
        return links.link(source, property);
    }

    /**
     * The entity models (with their codecs and naming) queries resolve columns against.
     *
     * @return the models
     */
    public EntityModels models() {
        return models;
    }

    /**
     * Prepares {@code sql} on a connection that joins the caller's transaction, runs the work, and releases it.
     *
     * @param task what the statement does, for logs and messages (no values)
     * @param sql the SQL text
     * @param work binds, executes and reads
     * @param <R> the result type
     * @return the work's result
     * @throws DataAccessException for every driver failure, translated
     */
    public <R> R execute(String task, String sql, StatementCallback<R> work) {
        return executor.execute(task, sql, work);
    }

    /**
     * Streams the rows of {@code sql} over a server-side cursor, {@code fetchSize} rows per round trip: inside a
     * Spring transaction on its connection; outside one on a dedicated connection with autocommit off for the life of
     * the stream, whose read transaction is rolled back when the stream closes.
     *
     * @param task what the statement does, for logs and messages (no values)
     * @param sql the SQL text
     * @param fetchSize rows per round trip
     * @param binder binds the parameters
     * @param mapper maps each row
     * @param <R> the row type
     * @return the rows; closing the stream closes the cursor and releases the connection
     * @throws DataAccessException for every driver failure, translated, also while the stream is consumed
     */
    public <R> Stream<R> stream(String task, String sql, int fetchSize, StatementBinder binder, RowMapper<R> mapper) {
        return executor.stream(task, sql, fetchSize, true, binder, rows -> mapper);
    }

    /**
     * Translates a driver failure.
     *
     * @param task what failed
     * @param sql the SQL involved
     * @param ex the failure
     * @return the exception to throw
     */
    public DataAccessException translate(String task, String sql, SQLException ex) {
        return executor.translator().translate(task, sql, ex);
    }

    /**
     * Loads relations into rows already read, one statement per relation per level.
     *
     * @param type the root entity
     * @param rows the roots
     * @param paths the relation paths, e.g. {@code "pets.visits"}
     * @param <T> the root type
     * @return the roots with their relations loaded (new instances for records)
     */
    public <T> List<T> fetch(Class<T> type, List<T> rows, List<String> paths) {
        return relations.fetch(type, rows, paths);
    }

    /**
     * Runs an entity query and loads relations with its rows: those a strategy reads in the same statement (the query
     * becomes a derived table they are added around), then the others.
     *
     * @param type the root entity
     * @param task what the statement does, for logs and messages
     * @param sql the query, selecting the entity's columns in property order
     * @param binder binds its parameters
     * @param mapper reads one root
     * @param paths the relation paths
     * @param <T> the root type
     * @return the roots with their relations loaded
     */
    public <T> List<T> select(
            Class<T> type, String task, String sql, StatementBinder binder, RowMapper<T> mapper, List<String> paths) {
        return relations.select(type, task, sql, binder, mapper, paths);
    }

    /**
     * How the DSL's {@code fetch(...)} loads relations: the engine's relation loader, which sits above this package
     * (it runs its statements through the {@link JdbcExecutor}), so it is handed in rather than depended on.
     */
    public interface RelationFetch {
        /**
         * Loads relations into rows already read.
         *
         * @param type the root entity
         * @param rows the roots
         * @param paths the relation paths
         * @param <T> the root type
         * @return the roots with their relations loaded
         */
        <T> List<T> fetch(Class<T> type, List<T> rows, List<String> paths);

        /**
         * Runs an entity query and loads relations with its rows.
         *
         * @param type the root entity
         * @param task what the statement does
         * @param sql the query
         * @param binder binds its parameters
         * @param mapper reads one root
         * @param paths the relation paths
         * @param <T> the root type
         * @return the roots with their relations loaded
         */
        <T> List<T> select(
                Class<T> type,
                String task,
                String sql,
                StatementBinder binder,
                RowMapper<T> mapper,
                List<String> paths);
    }
}
