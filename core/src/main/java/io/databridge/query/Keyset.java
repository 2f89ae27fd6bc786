package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.query.ExpressionNodes.Param;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Keyset ("seek") pagination: the condition that selects the rows after a given row in the query's order. With one
 * direction it is a row comparison, {@code ("a", "id") > (?, ?)}, which an index on {@code (a, id)} serves; with mixed
 * directions it expands to {@code a > ? OR (a = ? AND id < ?)}. Stateless.
 */
final class Keyset {

    private Keyset() {}

    static void check(SelectState state) {
        if (state.orderBy.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("after(lastRow) needs a deterministic order: call orderBy(...)"
                    + " ending with the id first, e.g. orderBy(X_.createdAt.asc(), X_.id.asc())");
        }
        EntityModel<?> root = state.entity("after(lastRow)");
        for (SortOrder order : state.orderBy) {
            if (!(order.expression() instanceof Column<?, ?> column) || column.entity() != root.type()) {
                throw new InvalidDataAccessApiUsageException("after(lastRow) orders by " + order.expression()
                        + ", which is not a column of " + root.type().getSimpleName() + "; use seek(values)");
            }
        }
        Column<?, ?> last =
                (Column<?, ?>) state.orderBy.get(state.orderBy.size() - 1).expression();
        if (!last.property().equals(root.id().name())) {
            throw new InvalidDataAccessApiUsageException("after(lastRow) needs an order that ends with the id ("
                    + root.id().name() + ") so that it is deterministic; add "
                    + root.type().getSimpleName()
                    + "_." + root.id().name() + ".asc() last");
        }
    }

    static @Nullable Condition condition(SelectState state, Scope scope) {
        Object seekRow = state.seekRow;
        if (seekRow == null && state.seekValues == null) {
            return null;
        }
        List<SortOrder> orders = state.orderBy;
        List<Object> values = new ArrayList<>(orders.size());
        if (state.seekValues != null) {
            values.addAll(state.seekValues);
        } else if (seekRow != null) {
            for (SortOrder order : orders) {
                Object value = scope.property((Column<?, ?>) order.expression()).get(seekRow);
                if (value == null) {
                    throw new InvalidDataAccessApiUsageException("after(lastRow): the last row has no value for "
                            + order.expression() + "; keyset pagination needs non-null sort keys");
                }
                values.add(value);
            }
        }
        boolean ascending = orders.get(0).ascending();
        boolean sameDirection = orders.stream().allMatch(order -> order.ascending() == ascending);
        if (sameDirection) {
            return new RowComparison(orders, values, ascending ? " > " : " < ");
        }
        Condition result = null;
        for (int i = 0; i < orders.size(); i++) {
            Condition step = null;
            for (int j = 0; j < i; j++) {
                Condition equal = compare(orders.get(j), values.get(j), " = ");
                step = step == null ? equal : step.and(equal);
            }
            Condition beyond =
                    compare(orders.get(i), values.get(i), orders.get(i).ascending() ? " > " : " < ");
            step = step == null ? beyond : step.and(beyond);
            result = result == null ? step : result.or(step);
        }
        return result;
    }

    private static Condition compare(SortOrder order, Object value, String operator) {
        return new Conditions.Comparison(order.expression(), operator, new Param<>(value, order.expression()));
    }

    /** {@code (a, b) > (?, ?)}. */
    private static final class RowComparison extends Condition {
        private final List<SortOrder> orders;
        private final List<Object> values;
        private final String operator;

        RowComparison(List<SortOrder> orders, List<Object> values, String operator) {
            this.orders = orders;
            this.values = values;
            this.operator = operator;
        }

        @Override
        void shape(ShapeKey key) {
            key.add(RowComparison.class).add(operator).add(orders.size());
            for (SortOrder order : orders) {
                order.shape(key);
            }
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.append('(');
            for (int i = 0; i < orders.size(); i++) {
                renderer.append(i == 0 ? "" : ", ");
                orders.get(i).expression().render(renderer);
            }
            renderer.append(')').append(operator).append('(');
            for (int i = 0; i < orders.size(); i++) {
                renderer.append(i == 0 ? "" : ", ");
                renderer.bindValue(values.get(i), orders.get(i).expression());
            }
            renderer.append(')');
        }
    }
}
