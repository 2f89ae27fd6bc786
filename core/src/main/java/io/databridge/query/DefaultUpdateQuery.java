package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.query.ExpressionNodes.Param;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The immutable bulk {@link UpdateQuery}. Thread-safe.
 *
 * @param <T> the entity type
 */
final class DefaultUpdateQuery<T> implements UpdateQuery<T> {

    private record Assignment(Column<?, ?> column, @Nullable Expression<?> value) {}

    private final DefaultSelectQuery<T> query;
    private final List<Assignment> assignments;

    private DefaultUpdateQuery(DefaultSelectQuery<T> query, List<Assignment> assignments) {
        this.query = query;
        this.assignments = assignments;
    }

    static <T> DefaultUpdateQuery<T> start(DefaultSelectQuery<T> query) {
        Writes.requirePlain(query.state, "update()");
        return new DefaultUpdateQuery<>(query, List.of());
    }

    @Override
    public <V> UpdateQuery<T> set(Column<T, V> column, @Nullable V value) {
        return add(column, value == null ? null : new Param<>(value, column));
    }

    @Override
    public <V> UpdateQuery<T> set(Column<T, V> column, Expression<? extends V> value) {
        if (value == null) {
            throw new IllegalArgumentException("set(" + column + ", expression): the expression must not be null; use"
                    + " set(column, (V) null) for SQL NULL");
        }
        return add(column, value);
    }

    private UpdateQuery<T> add(Column<T, ?> column, @Nullable Expression<?> value) {
        if (column == null) {
            throw new IllegalArgumentException("set(null, ...): pass a metamodel column");
        }
        if (column.entity() != query.state.entity("update").type() || column.alias() != null) {
            throw new InvalidDataAccessApiUsageException("set(" + column + ", ...): only columns of "
                    + query.state.entity("update").type().getSimpleName() + " itself can be set");
        }
        List<Assignment> list = new ArrayList<>(assignments);
        list.removeIf(assignment -> assignment.column().equals(column));
        list.add(new Assignment(column, value));
        return new DefaultUpdateQuery<>(query, List.copyOf(list));
    }

    @Override
    public long update() {
        Rendered<Object> rendered = render(false);
        return query.executor.execute(task(), rendered.sql(), statement -> {
            rendered.bind(statement);
            return (long) statement.executeUpdate();
        });
    }

    @Override
    public List<T> updateReturning() {
        return Writes.returning(query.executor, task(), render(true));
    }

    @Override
    public SqlStatement toSql() {
        return render(false).statement();
    }

    private String task() {
        return "update " + query.state.entity("update").type().getSimpleName();
    }

    /** The statement, rendered once per shape. */
    private <X> Rendered<X> render(boolean returning) {
        ShapeKey key = query.executor.key(returning ? "updateReturning" : "update");
        shape(key);
        return query.executor.rendered(key, renderer -> renderInto(renderer, returning));
    }

    /** Adds the query's shape and the assigned columns with the shapes of their values (never the values). */
    void shape(ShapeKey key) {
        query.state.shape(key);
        key.add(assignments.size());
        for (Assignment assignment : assignments) {
            key.add(assignment.column());
            Expression<?> value = assignment.value();
            if (value == null) {
                key.add(null);
            } else {
                value.shape(key);
            }
        }
    }

    /**
     * Appends {@code UPDATE ... SET ... [FROM ...] [WHERE ...] [RETURNING ...]} and returns the reader of the returned
     * entities ({@code null} without {@code RETURNING} or when the renderer only collects values).
     */
    @SuppressWarnings("unchecked")
    <X> @Nullable RowReader<X> renderInto(SqlRenderer renderer, boolean returning) {
        EntityModel<T> model = (EntityModel<T>) query.state.entity("update");
        Scope scope = query.openScope(renderer, null);
        renderer.append("UPDATE ").append(scope.root().fromClause()).append(" SET ");
        // With other tables (UPDATE ... FROM) a bare column could be ambiguous on the right of SET: qualify it.
        String self = scope.qualifies() ? scope.root().qualifier() + "." : "";
        List<String> set = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment assignment = assignments.get(i);
            PropertyModel property = scope.property(assignment.column());
            if (property.role() == PropertyModel.Role.ID || !property.updatable()) {
                throw new InvalidDataAccessApiUsageException("set(" + assignment.column() + ", ...): the column is "
                        + (property.role() == PropertyModel.Role.ID ? "the id" : "not updatable")
                        + " and cannot be set");
            }
            set.add(property.name());
            renderer.append(i == 0 ? "" : ", ").append(property.quotedColumn()).append(" = ");
            Expression<?> value = assignment.value();
            if (value == null) {
                renderer.bind(
                        null,
                        (statement, index, v) ->
                                Values.bindChecked(property.codec(), property, statement, index, null));
            } else {
                value.render(renderer);
            }
        }
        for (PropertyModel property : model.properties()) {
            if (set.contains(property.name())) {
                continue;
            }
            if (property.role() == PropertyModel.Role.VERSION) {
                renderer.append(", ")
                        .append(property.quotedColumn())
                        .append(" = ")
                        .append(self)
                        .append(property.quotedColumn())
                        .append(" + 1");
            } else if (property.role() == PropertyModel.Role.UPDATED_AT) {
                renderer.append(", ")
                        .append(property.quotedColumn())
                        .append(" = ")
                        .append(property.updateExpression());
            }
        }
        if (assignments.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("update() needs at least one set(column, value)");
        }
        Writes.renderWhere(renderer, Writes.otherTables(query.state, renderer, " FROM "), query.state.where);
        if (!returning) {
            return null;
        }
        renderer.append(" RETURNING ").append(self.isEmpty() ? model.selectList() : model.selectList(self));
        return renderer.valuesOnly ? null : (RowReader<X>) RowReader.entity(model);
    }
}
