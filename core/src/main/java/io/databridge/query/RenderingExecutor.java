package io.databridge.query;

import io.databridge.internal.jdbc.QueryExecutor;
import io.databridge.internal.jdbc.RelationLink;
import io.databridge.internal.jdbc.RowMapper;
import io.databridge.internal.jdbc.StatementBinder;
import io.databridge.internal.jdbc.StatementCallback;
import io.databridge.internal.model.EntityModels;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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

    /** Renders a statement's text and binds into a renderer, and its row reader ({@code null} in values-only mode). */
    @FunctionalInterface
    interface Rendering<X> {
        @Nullable
        RowReader<X> render(SqlRenderer renderer);
    }

    /** A renderer for a top-level statement of this engine. */
    SqlRenderer renderer() {
        return new SqlRenderer(delegate.models(), delegate::link, new Scope(null, List.of()));
    }

    /**
     * Renders a statement through the {@link RenderCache}: a shape rendered before reuses its text and reader, and
     * this call only collects its bound values (the rendering runs in values-only mode); a new shape renders in full
     * once. Opaque shapes render every time.
     *
     * @param key the statement's shape, starting with what kind of statement it is
     * @param rendering renders the statement
     */
    @SuppressWarnings("unchecked")
    <X> Rendered<X> rendered(ShapeKey key, Rendering<X> rendering) {
        if (!key.isOpaque()) {
            RenderCache.Template template = cache.get(key);
            if (template != null) {
                SqlRenderer values = renderer();
                values.valuesOnly = true;
                rendering.render(values);
                values.finish();
                return new Rendered<>(template.sql(), List.copyOf(values.binds), (RowReader<X>) template.reader());
            }
        }
        SqlRenderer renderer = renderer();
        RowReader<X> reader = rendering.render(renderer);
        Rendered<X> rendered = Rendered.of(renderer, reader == null ? rows -> null : reader);
        if (!key.isOpaque()) {
            cache.put(key, new RenderCache.Template(rendered.sql(), rendered.reader()));
        }
        return rendered;
    }

    /** A new shape key of a statement of the given kind ({@code select}, {@code count}, {@code delete}, ...). */
    ShapeKey key(String kind) {
        return new ShapeKey(delegate.models()).add(kind);
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

    RelationLink link(Class<?> source, String property) {
        return delegate.link(source, property);
    }

    <T> List<T> fetch(Class<T> type, List<T> rows, List<String> paths) {
        return delegate.fetch(type, rows, paths);
    }

    <T> List<T> select(
            Class<T> type, String task, String sql, StatementBinder binder, RowMapper<T> mapper, List<String> paths) {
        return delegate.select(type, task, sql, binder, mapper, paths);
    }
}
