package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.SqlQuery;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Parsed queries by SQL text, for query shapes that depend on a call's {@code Sort}: parsed once per distinct order,
 * not per call. Bounded, because sort keys may come from requests. Thread-safe.
 */
final class QueryCache {

    private static final int MAX_SHAPES = 256;

    private final DataBridge db;
    private final @Nullable String task;
    private final Map<String, SqlQuery> queries = new ConcurrentHashMap<>();

    QueryCache(DataBridge db) {
        this(db, null);
    }

    /** A cache whose queries report the given task ({@code null}: raw SQL's own). */
    QueryCache(DataBridge db, @Nullable String task) {
        this.db = db;
        this.task = task;
    }

    SqlQuery get(String sql) {
        SqlQuery query = queries.get(sql);
        if (query == null) {
            query = task == null ? db.sql(sql) : db.sql(sql).task(task);
            if (queries.size() >= MAX_SHAPES) {
                queries.clear();
            }
            queries.put(sql, query);
        }
        return query;
    }
}
