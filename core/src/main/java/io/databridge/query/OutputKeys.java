package io.databridge.query;

import io.databridge.query.ExpressionNodes.Aliased;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Renders {@code ORDER BY} and {@code GROUP BY} keys against a select list. An alias ({@code expression.as("n")})
 * renders only in the select list; elsewhere a key that is a selected expression renders as PostgreSQL needs it to
 * match that select item: its alias in {@code ORDER BY}, its position when the expression carries binds (two binds
 * are two different expressions to PostgreSQL, so {@code SELECT DISTINCT concat(a, ?, b) ... ORDER BY concat(a, ?, b)}
 * would fail), the expression itself otherwise. {@code ORDER BY} of a set operation addresses the output columns of
 * the first query. Stateless.
 */
final class OutputKeys {

    private OutputKeys() {}

    /** The expression an alias names, or the expression itself. */
    static Expression<?> bare(Expression<?> expression) {
        return expression instanceof Aliased<?> aliased ? aliased.expression : expression;
    }

    /** The position (0-based) of the select item {@code key} is, or names, or -1. */
    static int indexOf(List<? extends Expression<?>> selectList, Expression<?> key) {
        Expression<?> bare = bare(key);
        for (int i = 0; i < selectList.size(); i++) {
            Expression<?> item = selectList.get(i);
            if (item.equals(key) || bare(item).equals(bare)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends one {@code ORDER BY} key of a {@code SELECT} whose select list is {@code selectList}. */
    static void orderKey(SqlRenderer renderer, List<? extends Expression<?>> selectList, Expression<?> key) {
        int index = indexOf(selectList, key);
        if (index >= 0 && selectList.get(index) instanceof Aliased<?> aliased) {
            renderer.append(aliased.quotedAlias);
        } else {
            groupKey(renderer, selectList, key, index);
        }
    }

    /** Appends one {@code GROUP BY} key of a {@code SELECT} whose select list is {@code selectList}. */
    static void groupKey(SqlRenderer renderer, List<? extends Expression<?>> selectList, Expression<?> key) {
        groupKey(renderer, selectList, key, indexOf(selectList, key));
    }

    private static void groupKey(
            SqlRenderer renderer, List<? extends Expression<?>> selectList, Expression<?> key, int index) {
        Expression<?> bare = bare(key);
        if (index >= 0 && hasBinds(renderer, bare)) {
            renderer.append(Integer.toString(index + 1));
        } else {
            bare.render(renderer);
        }
    }

    /**
     * Appends one {@code ORDER BY} key of a set operation: a selected expression of the first query by its alias or
     * column name (its position when another output column has that name or it has none), a column of the first
     * query's entity when it returns entities.
     */
    static void setOperationKey(
            SqlRenderer renderer, List<? extends Expression<?>> selectList, boolean entityRows, Expression<?> key) {
        int index = indexOf(selectList, key);
        if (index >= 0) {
            String name = outputName(renderer, selectList.get(index));
            int same = 0;
            for (Expression<?> item : selectList) {
                if (name != null && name.equals(outputName(renderer, item))) {
                    same++;
                }
            }
            renderer.append(name != null && same == 1 ? name : Integer.toString(index + 1));
            return;
        }
        Expression<?> bare = bare(key);
        if (entityRows
                && bare instanceof Column<?, ?> column
                && renderer.scope.root().model() != null
                && renderer.scope.root().model().type() == column.entity()) {
            renderer.append(renderer.scope.property(column).quotedColumn());
            return;
        }
        throw new InvalidDataAccessApiUsageException("ORDER BY of a set operation sorts its output rows, and " + key
                + " is not one of their columns; order by an expression the first query selects (the same column,"
                + " or the very expression, or its alias)");
    }

    /** The quoted output column name of a select item, {@code null} when PostgreSQL would invent one. */
    private static @Nullable String outputName(SqlRenderer renderer, Expression<?> item) {
        if (item instanceof Aliased<?> aliased) {
            return aliased.quotedAlias;
        }
        if (item instanceof Column<?, ?> column) {
            return renderer.scope.property(column).quotedColumn();
        }
        return item instanceof DerivedColumn<?> derived ? derived.quotedName() : null;
    }

    /** Whether the expression binds a value (rendered into a scratch renderer, so nothing reaches the statement). */
    private static boolean hasBinds(SqlRenderer renderer, Expression<?> expression) {
        if (expression instanceof Column<?, ?> || expression instanceof DerivedColumn<?>) {
            return false;
        }
        SqlRenderer scratch = new SqlRenderer(renderer.models, renderer.links, renderer.scope);
        scratch.definingRecursive = renderer.definingRecursive;
        expression.render(scratch);
        return !scratch.binds.isEmpty();
    }
}
