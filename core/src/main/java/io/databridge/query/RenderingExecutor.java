package io.databridge.query;

import io.databridge.internal.jdbc.QueryExecutor;
import io.databridge.internal.model.EntityModels;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;

/**
 * The engine's {@link QueryExecutor} with the {@link RenderCache} of its query shapes: {@link QueryFactory} wraps the
 * engine's executor once, so every query it starts shares the cache. Thread-safe.
 */
final class RenderingExecutor implements QueryExecutor {

    private final QueryExecutor delegate;
    private final RenderCache cache = new RenderCache();

    private RenderingExecutor(QueryExecutor delegate) {
        this.delegate = delegate;
    }

    static QueryExecutor wrap(QueryExecutor executor) {
        return executor instanceof RenderingExecutor ? executor : new RenderingExecutor(executor);
    }

    /** The cache of an executor from {@link #wrap}, or {@code null} for any other. */
    static @Nullable RenderCache cache(QueryExecutor executor) {
        return executor instanceof RenderingExecutor rendering ? rendering.cache : null;
    }

    @Override
    public EntityModels models() {
        return delegate.models();
    }

    @Override
    public <R> R execute(String task, String sql, StatementWork<R> work) {
        return delegate.execute(task, sql, work);
    }

    @Override
    public <R> Stream<R> stream(
            String task, String sql, int fetchSize, StatementWork<?> binder, CursorReader<R> reader) {
        return delegate.stream(task, sql, fetchSize, binder, reader);
    }

    @Override
    public DataAccessException translate(String task, String sql, SQLException ex) {
        return delegate.translate(task, sql, ex);
    }

    @Override
    public <T> java.util.List<T> fetch(Class<T> type, java.util.List<T> rows, java.util.List<String> paths) {
        return delegate.fetch(type, rows, paths);
    }
}
