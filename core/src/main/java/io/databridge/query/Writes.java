package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Bulk {@code DELETE} from a select query's condition, and the shared {@code RETURNING} reading. Stateless. */
final class Writes {

    private Writes() {}

    static long delete(DefaultSelectQuery<?> query) {
        Rendered<Long> rendered = renderDelete(query, false);
        return query.executor.execute("delete " + query.state.rootName(), rendered.sql(), statement -> {
            rendered.bind(statement);
            return (long) statement.executeUpdate();
        });
    }

    static <T> List<T> deleteReturning(DefaultSelectQuery<T> query) {
        Rendered<T> rendered = renderDelete(query, true);
        return returning(query.executor, "delete " + query.state.rootName(), rendered);
    }

    /** The {@code DELETE} of a query's rows, rendered once per shape. */
    static <X> Rendered<X> renderDelete(DefaultSelectQuery<?> query, boolean returning) {
        requirePlain(query.state, method(returning));
        ShapeKey key = query.executor.key(method(returning));
        query.state.shape(key);
        return query.executor.rendered(key, renderer -> renderDelete(query, renderer, returning));
    }

    /**
     * Appends {@code DELETE FROM ... [USING ...] [WHERE ...] [RETURNING ...]}, and returns the reader of the returned
     * entities ({@code null} without {@code RETURNING}, or when the renderer only collects values).
     */
    @SuppressWarnings("unchecked")
    static <X> @Nullable RowReader<X> renderDelete(
            DefaultSelectQuery<?> query, SqlRenderer renderer, boolean returning) {
        SelectState state = query.state;
        requirePlain(state, method(returning));
        Scope scope = query.openScope(renderer, null);
        renderer.append("DELETE FROM ").append(scope.root().fromClause());
        renderWhere(renderer, otherTables(state, renderer, " USING "), state.where);
        if (!returning) {
            return null;
        }
        EntityModel<?> model = state.entity(method(returning));
        renderer.append(" RETURNING ")
                .append(scope.qualifies() ? model.selectList(scope.root().qualifier() + ".") : model.selectList());
        return renderer.valuesOnly ? null : (RowReader<X>) RowReader.entity(model);
    }

    private static String method(boolean returning) {
        return returning ? "deleteReturning()" : "delete()";
    }

    static void requirePlain(SelectState state, String method) {
        state.entity(method);
        List<String> problems = new ArrayList<>();
        for (SelectState.Join join : state.joins) {
            if (!join.keyword().equals("JOIN") && !join.keyword().equals("CROSS JOIN")) {
                problems.add("a " + join.keyword() + " (only inner and cross joins become " + otherTablesClause(method)
                        + ")");
                break;
            }
        }
        if (!state.orderBy.isEmpty()) {
            problems.add("orderBy");
        }
        if (state.limit != null || state.offset != null) {
            problems.add("limit/offset");
        }
        if (!state.groupBy.isEmpty() || state.having != null) {
            problems.add("groupBy/having");
        }
        if (state.shape != SelectState.Shape.ENTITY || state.distinct || !state.distinctOn.isEmpty()) {
            problems.add("a projection or distinct");
        }
        if (state.lock != null || state.seekRow != null || state.seekValues != null) {
            problems.add("locks or keyset pagination");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(method + " uses only the query's where(...) condition and"
                    + " inner joins, but the query also has " + String.join(", ", problems) + "; select the ids in a"
                    + " subquery instead, e.g. where(X_.id.in(subquery))");
        }
    }

    private static String otherTablesClause(String method) {
        return method.startsWith("delete") ? "DELETE ... USING" : "UPDATE ... FROM";
    }

    /**
     * Appends the joined tables of a write ({@code USING} for {@code DELETE}, {@code FROM} for {@code UPDATE}), comma
     * separated, and returns their join conditions, which belong in {@code WHERE}; {@code null} for none.
     */
    static @Nullable Condition otherTables(SelectState state, SqlRenderer renderer, String keyword) {
        Condition on = null;
        for (int i = 0; i < state.joins.size(); i++) {
            SelectState.Join join = state.joins.get(i);
            renderer.append(i == 0 ? keyword : ", ");
            join.item().renderFrom(renderer);
            if (join.on() != null) {
                on = on == null ? join.on() : on.and(join.on());
            }
        }
        return on;
    }

    /** Appends {@code WHERE} with the join conditions and the query's condition, when there is either. */
    static void renderWhere(SqlRenderer renderer, @Nullable Condition joins, @Nullable Condition where) {
        Condition all = joins == null ? where : where == null ? joins : joins.and(where);
        if (all != null) {
            renderer.append(" WHERE ");
            all.render(renderer);
        }
    }

    static <T> List<T> returning(RenderingExecutor executor, String task, Rendered<T> rendered) {
        return executor.execute(task, rendered.sql(), statement -> {
            rendered.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(rendered.reader().read(rows));
                }
                return result;
            }
        });
    }
}
