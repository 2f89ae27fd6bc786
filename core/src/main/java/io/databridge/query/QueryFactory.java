package io.databridge.query;

import io.databridge.internal.jdbc.QueryExecutor;
import io.databridge.internal.model.EntityModel;

/**
 * Creates queries that run on one engine. {@code DataBridge.from(Class)} is the way application code starts a query;
 * the engine holds one factory. Immutable and thread-safe.
 */
public final class QueryFactory {

    private final RenderingExecutor executor;

    /**
     * Creates a factory.
     *
     * @param executor how queries reach the database
     */
    public QueryFactory(QueryExecutor executor) {
        this.executor = new RenderingExecutor(executor);
    }

    /**
     * Starts a query over an entity's table: {@code SELECT} every mapped column, no condition, no order.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return an immutable query
     * @throws io.databridge.mapping.EntityMappingException when the class is not a valid entity
     */
    public <T> SelectQuery<T> from(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        EntityModel<T> model = executor.models().get(type);
        return DefaultSelectQuery.entity(executor, model);
    }

    /**
     * Starts a query reading a CTE or derived table: {@code SELECT} its columns, no condition, no order. It runs on the
     * engine that built the table's query.
     *
     * @param table the table
     * @param <R> the row type of the table's query
     * @return an immutable query returning the table's rows
     * @throws IllegalArgumentException when {@code table} is null
     */
    public static <R> SelectQuery<R> from(QueryTable<R> table) {
        if (table == null) {
            throw new IllegalArgumentException("from(null): pass a Cte or DerivedTable");
        }
        return DefaultSelectQuery.table(table);
    }

    RenderingExecutor executor() {
        return executor;
    }
}
