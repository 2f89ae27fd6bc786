package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import java.util.List;

/** Renders {@code INSERT INTO target (columns) SELECT ...} from a query, once per shape. Stateless. */
final class InsertSelect {

    private InsertSelect() {}

    static <R> Rendered<R> render(AbstractResultQuery<R> query, Class<?> target, Column<?, ?>[] columns) {
        if (target == null || columns == null || columns.length == 0) {
            throw new IllegalArgumentException("insertInto needs a target entity and at least one of its columns");
        }
        SelectState first = query.leftmost().state;
        int selected = first.columnCount();
        if (selected != columns.length) {
            throw new IllegalArgumentException("insertInto(" + target.getSimpleName() + ", ...) names " + columns.length
                    + " columns but the query selects " + selected + "; they must match, in order");
        }
        EntityModel<?> model = query.executor.models().get(target);
        Scope scope = new Scope(null, List.of(Scope.Item.of(model, null)));
        StringBuilder text =
                new StringBuilder("INSERT INTO ").append(model.qualifiedTable()).append(" (");
        ShapeKey key = query.executor.key("insertInto").add(model);
        for (int i = 0; i < columns.length; i++) {
            Column<?, ?> column = columns[i];
            if (column == null || column.entity() != target) {
                throw new IllegalArgumentException("insertInto(" + target.getSimpleName() + ", ...) takes columns of "
                        + target.getSimpleName() + ", but got " + column);
            }
            text.append(i == 0 ? "" : ", ").append(scope.property(column).quotedColumn());
            key.add(column);
        }
        String insert = text.append(") ").toString();
        query.shape(key);
        return query.executor.rendered(key, renderer -> {
            renderer.append(insert);
            query.renderSelect(renderer, null);
            return null;
        });
    }
}
