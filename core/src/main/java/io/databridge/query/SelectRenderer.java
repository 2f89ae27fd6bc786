package io.databridge.query;

import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Renders one {@code SELECT} from its {@link SelectState} and builds the reader of its rows: the select list, {@code
 * FROM} with joins (entity tables, CTEs, derived tables), {@code WHERE} with the keyset condition, grouping, order,
 * paging and locks. Stateless.
 */
final class SelectRenderer {

    private SelectRenderer() {}

    /** Opens the scope of the query's tables under {@code outer} and makes it the renderer's current scope. */
    static Scope openScope(SelectState state, SqlRenderer renderer, @Nullable Scope outer) {
        List<Scope.Item> items = new ArrayList<>(1 + state.joins.size());
        items.add(state.rootItem(state.rootAlias));
        for (SelectState.Join join : state.joins) {
            items.add(join.item());
        }
        Scope scope = new Scope(outer, items);
        renderer.scope = scope;
        return scope;
    }

    /**
     * Appends the whole {@code SELECT} and returns the reader of its rows ({@code null} when the renderer only collects
     * values); restores the renderer's scope after.
     */
    static @Nullable RowReader<?> render(
            SelectState state, EntityModels models, SqlRenderer renderer, @Nullable Scope outer) {
        Scope saved = renderer.scope;
        List<String> savedWindows = renderer.windows;
        renderer.windows = windowNames(state);
        Scope scope = openScope(state, renderer, outer);
        renderer.append("SELECT ");
        if (!state.distinctOn.isEmpty()) {
            renderer.append("DISTINCT ON (");
            renderer.list(state.distinctOn);
            renderer.append(") ");
        } else if (state.distinct) {
            renderer.append("DISTINCT ");
        }
        RowReader<?> reader = null;
        if (renderer.valuesOnly) {
            // The shape was rendered before: only the values of the select list matter (it has none for entities).
            if (state.shape != SelectState.Shape.ENTITY) {
                renderer.list(state.projection);
            }
        } else if (state.shape == SelectState.Shape.ENTITY) {
            String qualifier = scope.qualifies() ? scope.root().qualifier() + "." : "";
            List<String> columns = new ArrayList<>();
            if (state.rootTable != null) {
                state.rootTable.columns.forEach(column -> columns.add(column.quotedName()));
                reader = state.rootTable.reader();
            } else {
                state.entity("select").properties().forEach(property -> columns.add(property.quotedColumn()));
                reader = RowReader.entity(state.entity("select"));
            }
            for (int i = 0; i < columns.size(); i++) {
                renderer.append(i == 0 ? "" : ", ").append(qualifier).append(columns.get(i));
            }
        } else {
            renderer.selectList(state.projection);
            List<@Nullable PropertyModel> properties = new ArrayList<>();
            for (Expression<?> expression : state.projection) {
                properties.add(property(expression, scope));
            }
            reader = switch (state.shape) {
                case SCALAR -> RowReader.scalar(models, state.rowType, state.projection.get(0), properties.get(0));
                case TUPLE -> RowReader.tuple(models, state.projection, properties);
                default -> RowReader.constructor(models, state.rowType, state.projection, properties);
            };
        }
        renderFromAndWhere(state, renderer, scope);
        if (!state.groupBy.isEmpty()) {
            renderer.append(" GROUP BY ");
            for (int i = 0; i < state.groupBy.size(); i++) {
                renderer.append(i == 0 ? "" : ", ");
                OutputKeys.groupKey(renderer, state.projection, state.groupBy.get(i));
            }
        }
        if (state.having != null) {
            renderer.append(" HAVING ");
            state.having.render(renderer);
        }
        for (int i = 0; i < state.windows.size(); i++) {
            Window window = state.windows.get(i);
            renderer.append(i == 0 ? " WINDOW " : ", ")
                    .append(renderer.declaredWindow(java.util.Objects.requireNonNull(window.name(), "named")))
                    .append(" AS ");
            window.renderDefinition(renderer);
        }
        renderOrderAndPaging(
                renderer,
                state.orderBy,
                state.limit,
                state.offset,
                key -> OutputKeys.orderKey(renderer, state.projection, key));
        if (state.lock != null) {
            renderer.append(state.lock);
            if (state.lockWait != null) {
                renderer.append(state.lockWait);
            }
        }
        renderer.scope = outer == null ? saved : outer;
        renderer.windows = savedWindows;
        return reader;
    }

    private static List<String> windowNames(SelectState state) {
        if (state.windows.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(state.windows.size());
        for (Window window : state.windows) {
            names.add(java.util.Objects.requireNonNull(window.name(), "a declared window is named"));
        }
        return names;
    }

    /** The entity property a selected expression reads, whose codec then reads the values; {@code null} for none. */
    private static @Nullable PropertyModel property(Expression<?> expression, Scope scope) {
        Expression<?> bare = OutputKeys.bare(expression);
        if (bare instanceof Column<?, ?> column) {
            return scope.property(column);
        }
        return bare instanceof DerivedColumn<?> column ? column.property() : null;
    }

    static void renderFromAndWhere(SelectState state, SqlRenderer renderer, Scope scope) {
        renderer.append(" FROM ");
        scope.root().renderFrom(renderer);
        for (SelectState.Join join : state.joins) {
            Condition on = join.on();
            renderer.append(" ").append(join.keyword()).append(" ");
            join.item().renderFrom(renderer);
            if (on instanceof Conditions.Using) {
                on.render(renderer);
            } else if (on != null) {
                renderer.append(" ON ");
                on.render(renderer);
            }
        }
        Condition seek = Keyset.condition(state, scope);
        Condition where = state.where == null ? seek : seek == null ? state.where : state.where.and(seek);
        if (where != null) {
            renderer.append(" WHERE ");
            where.render(renderer);
        }
    }

    static void renderOrderAndPaging(
            SqlRenderer renderer,
            List<SortOrder> orderBy,
            @Nullable Integer limit,
            @Nullable Long offset,
            Consumer<Expression<?>> key) {
        if (!orderBy.isEmpty()) {
            renderer.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                renderer.append(i == 0 ? "" : ", ");
                key.accept(orderBy.get(i).expression());
                orderBy.get(i).renderDirection(renderer);
            }
        }
        if (limit != null) {
            renderer.append(" LIMIT ").bind(limit, Bind.INT);
        }
        if (offset != null) {
            renderer.append(" OFFSET ").bind(offset, Bind.LONG);
        }
    }
}
