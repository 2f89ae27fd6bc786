package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.SqlQuery;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed queries by SQL text, for query shapes that depend on a call's {@code Sort}: parsed once per distinct order,
 * not per call. Bounded, because sort keys may come from requests. Thread-safe.
 */
final class QueryCache {

    private static final int MAX_SHAPES = 256;

    private final DataBridge db;
    private final Map<String, SqlQuery> queries = new ConcurrentHashMap<>();

    QueryCache(DataBridge db) {
        this.db = db;
    }

    SqlQuery get(String sql) {
        SqlQuery query = queries.get(sql);
        if (query == null) {
            query = db.sql(sql);
            if (queries.size() >= MAX_SHAPES) {
                queries.clear();
            }
            queries.put(sql, query);
        }
        return query;
    }
}
