package io.databridge.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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

    final QueryExecutor executor;
    private volatile @Nullable Rendered<R> rendered;

    AbstractResultQuery(QueryExecutor executor) {
        this.executor = executor;
    }

    /** Renders the full statement. */
    abstract Rendered<R> render();

    /** Renders {@code SELECT count(*) ...} for this query. */
    abstract String task();

    abstract AbstractResultQuery<R> withLimit(int limit);

    abstract int fetchRows();

    /** The first {@code SELECT} of this query, whose columns name and type the rows (for set operations, the left). */
    abstract DefaultSelectQuery<R> leftmost();

    /** Appends this query as an operand of a set operation or subquery, in the given outer scope. */
    abstract void renderSelect(SqlRenderer renderer, @Nullable Scope outer);

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
        SqlRenderer renderer = renderer();
        renderer.append("SELECT count(*) FROM (");
        renderSelect(renderer, null);
        renderer.append(") AS \"q\"");
        return scalarLong(renderer);
    }

    @Override
    public boolean exists() {
        SqlRenderer renderer = renderer();
        renderer.append("SELECT EXISTS (");
        renderSelect(renderer, null);
        renderer.append(')');
        Rendered<Boolean> query = Rendered.of(renderer, rows -> rows.getBoolean(1));
        return executor.execute(task(), query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return query.reader().read(rows);
            }
        });
    }

    SqlRenderer renderer() {
        return new SqlRenderer(executor.models(), new Scope(null, List.of()));
    }

    long scalarLong(SqlRenderer renderer) {
        Rendered<Long> query = Rendered.of(renderer, rows -> rows.getLong(1));
        return executor.execute(task(), query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return query.reader().read(rows);
            }
        });
    }

    @Override
    public Stream<R> stream() {
        Rendered<R> query = rendered();
        Cursor<R> cursor = new Cursor<>(executor, task(), query, fetchRows());
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /**
     * A server-side cursor: pgjdbc fetches {@code fetchSize} rows per round trip when autocommit is off. Inside a
     * transaction it uses the transaction's connection; outside one it turns autocommit off on its own connection for
     * the life of the stream and ends that read-only work with a rollback on close.
     */
    private static final class Cursor<R> extends Spliterators.AbstractSpliterator<R> implements AutoCloseable {
        private final QueryExecutor executor;
        private final String task;
        private final Rendered<R> query;
        private final Connection connection;
        private final boolean ownTransaction;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private boolean closed;

        Cursor(QueryExecutor executor, String task, Rendered<R> query, int fetchSize) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.executor = executor;
            this.task = task;
            this.query = query;
            this.ownTransaction = !executor.inTransaction();
            this.connection = executor.borrow();
            PreparedStatement opened = null;
            try {
                if (ownTransaction) {
                    connection.setAutoCommit(false);
                }
                opened = connection.prepareStatement(query.sql());
                opened.setFetchSize(fetchSize);
                query.bind(opened);
                this.statement = opened;
                this.rows = opened.executeQuery();
            } catch (SQLException ex) {
                cleanUp(opened);
                throw executor.translate(task, query.sql(), ex);
            } catch (RuntimeException ex) {
                cleanUp(opened);
                throw ex;
            }
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            if (closed) {
                return false;
            }
            try {
                if (!rows.next()) {
                    return false;
                }
                action.accept(query.reader().read(rows));
                return true;
            } catch (SQLException ex) {
                throw executor.translate(task, query.sql(), ex);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    rows.close();
                } catch (SQLException ignored) {
                    // closing the statement below releases the portal too
                }
                cleanUp(statement);
            }
        }

        private void cleanUp(@Nullable PreparedStatement opened) {
            try {
                if (opened != null) {
                    opened.close();
                }
                if (ownTransaction) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ex) {
                throw executor.translate(task, query.sql(), ex);
            } finally {
                executor.release(connection);
            }
        }
    }
}
