package io.databridge.query;

import io.databridge.internal.jdbc.QueryExecutor;
import io.databridge.internal.jdbc.RowMapper;
import io.databridge.internal.jdbc.StatementBinder;
import io.databridge.internal.jdbc.StatementCallback;
import io.databridge.internal.model.EntityModels;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;

/**
 * The engine's {@link QueryExecutor} with the {@link RenderCache} of its query shapes: {@link QueryFactory} wraps the
 * engine's executor once, so every query it starts shares the cache. Thread-safe.
 */
final class RenderingExecutor {

    private final QueryExecutor delegate;
    private final RenderCache cache = new RenderCache();

    RenderingExecutor(QueryExecutor delegate) {
        this.delegate = delegate;
    }

    /** The cache of the query shapes rendered through this executor. */
    RenderCache cache() {
        return cache;
    }

    EntityModels models() {
        return delegate.models();
    }

    <R> R execute(String task, String sql, StatementCallback<R> work) {
        return delegate.execute(task, sql, work);
    }

    <R> Stream<R> stream(String task, String sql, int fetchSize, StatementBinder binder, RowMapper<R> mapper) {
        return delegate.stream(task, sql, fetchSize, binder, mapper);
    }

    DataAccessException translate(String task, String sql, SQLException ex) {
        return delegate.translate(task, sql, ex);
    }

    <T> List<T> select(
            Class<T> type, String task, String sql, StatementBinder binder, RowMapper<T> mapper, List<String> paths) {
        return delegate.select(type, task, sql, binder, mapper, paths);
    }
}
