package io.databridge.query;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;

/**
 * Runs a rendered query: list, first, one, count, exists and a cursor stream. Subclasses say how they render.
 * Immutable and thread-safe; the rendering is computed once per query object and reused.
 *
 * @param <R> the row type
 */
abstract class AbstractResultQuery<R> implements ResultQuery<R> {

    final RenderingExecutor executor;
    private volatile @Nullable Rendered<R> rendered;

    AbstractResultQuery(RenderingExecutor executor) {
        this.executor = executor;
    }

    /**
     * Renders the full statement through the engine's render cache: once per shape, later calls only collect their
     * values.
     */
    Rendered<R> render() {
        ShapeKey key = executor.key("select");
        shape(key);
        return withOwnTuples(executor.rendered(key, renderer -> renderSelect(renderer, null)));
    }

    /**
     * Adds what this query's {@code SELECT} text and row reader depend on to a shape, never a bound value (see {@link
     * ShapeKey}).
     */
    abstract void shape(ShapeKey key);

    /**
     * A rendering whose rows are tuples reads them as tuples of this query's own expressions: a cached reader holds
     * the expressions of the query that first rendered the shape, and {@link Tuple#get(Expression)} finds values by
     * this query's.
     */
    <X> Rendered<X> withOwnTuples(Rendered<X> rendered) {
        if (rendered.reader() instanceof RowReader.TupleReader tuples) {
            List<Expression<?>> own = leftmost().state.tupleExpressions();
            if (tuples.expressions() != own) {
                @SuppressWarnings("unchecked")
                RowReader<X> reader = (RowReader<X>) tuples.reading(own);
                return new Rendered<>(rendered.sql(), rendered.binds(), reader);
            }
        }
        return rendered;
    }

    /** Renders {@code SELECT count(*) ...} for this query. */
    abstract String task();

    abstract AbstractResultQuery<R> withLimit(int limit);

    abstract int fetchRows();

    /** The first {@code SELECT} of this query, whose columns name and type the rows (for set operations, the left). */
    abstract DefaultSelectQuery<R> leftmost();

    /**
     * Appends this query as a statement, an operand of a set operation or a subquery, in the given outer scope, and
     * returns the reader of its rows ({@code null} when the renderer only collects values).
     */
    abstract @Nullable RowReader<R> renderSelect(SqlRenderer renderer, @Nullable Scope outer);

    final Rendered<R> rendered() {
        Rendered<R> result = rendered;
        if (result == null) {
            result = render();
            rendered = result;
        }
        return result;
    }

    @Override
    public SqlStatement toSql() {
        return rendered().statement();
    }

    @Override
    public List<R> list() {
        Rendered<R> query = rendered();
        return executor.execute(task(), query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<R> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(query.reader().read(rows));
                }
                return result;
            }
        });
    }

    @Override
    public Optional<R> first() {
        List<R> rows = withLimit(1).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public R one() {
        List<R> rows = withLimit(2).list();
        if (rows.isEmpty()) {
            throw new EmptyResultDataAccessException("one() found no row; exactly one was expected", 1);
        }
        if (rows.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(
                    "one() found more than one row; exactly one was expected", 1, 2);
        }
        return rows.get(0);
    }

    @Override
    public long count() {
        ShapeKey key = executor.key("count");
        shape(key);
        return scalarLong(executor.rendered(key, renderer -> {
            renderer.append("SELECT count(*) FROM (");
            renderSelect(renderer, null);
            renderer.append(") AS \"q\"");
            return null;
        }));
    }

    @Override
    public boolean exists() {
        ShapeKey key = executor.key("exists");
        shape(key);
        Rendered<Boolean> query = executor.rendered(key, renderer -> {
            renderer.append("SELECT EXISTS (");
            renderSelect(renderer, null);
            renderer.append(')');
            return renderer.valuesOnly ? null : rows -> rows.getBoolean(1);
        });
        return executor.execute(task(), query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return query.reader().read(rows);
            }
        });
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, into the column list
    public final <E> long insertInto(Class<E> target, Column<E, ?>... columns) {
        Rendered<R> rendered = InsertSelect.render(this, target, columns);
        return executor.execute("insertInto " + target.getSimpleName(), rendered.sql(), statement -> {
            rendered.bind(statement);
            return (long) statement.executeUpdate();
        });
    }

    SqlRenderer renderer() {
        return executor.renderer();
    }

    /** Runs a statement returning one {@code bigint}, e.g. a count. */
    long scalarLong(Rendered<?> query) {
        return executor.execute(task(), query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public Stream<R> stream() {
        Rendered<R> query = rendered();
        return executor.stream(
                task(),
                query.sql(),
                fetchRows(),
                query::bind,
                rows -> query.reader().read(rows));
    }
}
