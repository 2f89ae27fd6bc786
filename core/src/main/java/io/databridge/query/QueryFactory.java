package io.databridge.query;

import io.databridge.mapping.EntityModel;

/**
 * Creates queries that run on one engine. {@code DataBridge.from(Class)} is the way application code starts a query;
 * the engine holds one factory. Immutable and thread-safe.
 */
public final class QueryFactory {

    private final QueryExecutor executor;

    /**
     * Creates a factory.
     *
     * @param executor how queries reach the database
     */
    public QueryFactory(QueryExecutor executor) {
        this.executor = executor;
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

    QueryExecutor executor() {
        return executor;
    }
}
