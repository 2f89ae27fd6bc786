package io.databridge.query;

import io.databridge.internal.jdbc.QueryExecutor;
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
        Rendered<Long> rendered = renderDelete(query, false, null);
        return query.executor.execute("delete " + query.state.rootName(), rendered.sql(), statement -> {
            rendered.bind(statement);
            return (long) statement.executeUpdate();
        });
    }

    static <T> List<T> deleteReturning(DefaultSelectQuery<T> query) {
        @SuppressWarnings("unchecked")
        EntityModel<T> model = (EntityModel<T>) query.state.entity("deleteReturning()");
        Rendered<T> rendered = renderDelete(query, true, RowReader.entity(model));
        return returning(query.executor, "delete " + model.type().getSimpleName(), rendered);
    }

    static <X> Rendered<X> renderDelete(DefaultSelectQuery<?> query, boolean returning, @Nullable RowReader<X> reader) {
        SelectState state = query.state;
        requirePlain(state, "delete()");
        SqlRenderer renderer = query.renderer();
        renderer.append("DELETE");
        Scope scope = query.openScope(renderer, null);
        query.renderFromAndWhere(renderer, scope);
        if (returning) {
            renderer.append(" RETURNING ")
                    .append(state.entity(method(returning)).selectList());
        }
        return Rendered.of(renderer, reader == null ? rows -> null : reader);
    }

    private static String method(boolean returning) {
        return returning ? "deleteReturning()" : "delete()";
    }

    static void requirePlain(SelectState state, String method) {
        state.entity(method);
        List<String> problems = new ArrayList<>();
        if (!state.joins.isEmpty()) {
            problems.add("joins");
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
            throw new InvalidDataAccessApiUsageException(method + " uses only the query's where(...) condition, but the"
                    + " query also has " + String.join(", ", problems) + "; select the ids in a subquery instead, e.g."
                    + " where(X_.id.in(subquery))");
        }
    }

    static <T> List<T> returning(QueryExecutor executor, String task, Rendered<T> rendered) {
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
