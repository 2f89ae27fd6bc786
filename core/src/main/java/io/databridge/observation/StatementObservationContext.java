package io.databridge.observation;

import io.micrometer.observation.Observation;

/**
 * The context of one observed unit of database work: what data-bridge was asked to do ({@link #task()}, e.g. {@code
 * find User} or {@code insertAll Order}) and the SQL it runs, with {@code ?} placeholders and never a value. A
 * failure is the context's error: the translated {@link org.springframework.dao.DataAccessException}. Mutable only by
 * data-bridge while the work runs; not thread-safe.
 */
public final class StatementObservationContext extends Observation.Context {

    private final String task;
    private final String sql;
    private String route = "primary";

    /**
     * Creates a context.
     *
     * @param task what the work does, e.g. {@code update User}
     * @param sql the SQL text with {@code ?} placeholders (for work of several statements, the main one)
     */
    public StatementObservationContext(String task, String sql) {
        this.task = task;
        this.sql = sql;
    }

    /**
     * What the work does: the operation and the entity, e.g. {@code find User}, {@code insertAll Order}, {@code
     * sql query} for raw SQL. A small, fixed set per application, so it can be a metric tag.
     *
     * @return the task
     */
    public String task() {
        return task;
    }

    /**
     * The SQL text with {@code ?} placeholders; never contains a bound value.
     *
     * @return the SQL
     */
    public String sql() {
        return sql;
    }

    /**
     * The server the work runs on: {@code primary}, or {@code replica-<name>} for a replica of a {@code
     * ReplicaRoutingDataSource} (a read outside a transaction, or a read-only transaction). One value per configured
     * server, so it can be a metric tag.
     *
     * @return the route
     */
    public String route() {
        return route;
    }

    /**
     * Sets the route; data-bridge calls it once the work's connection is borrowed.
     *
     * @param route {@code primary} or {@code replica-<name>}
     */
    public void setRoute(String route) {
        this.route = route;
    }
}
