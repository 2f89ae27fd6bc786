package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The immutable multi-row {@link InsertQuery} with optional {@code ON CONFLICT}. Thread-safe (the entities' values are
 * read when it runs).
 *
 * @param <T> the entity type
 */
final class DefaultInsertQuery<T> implements InsertQuery<T> {

    private final DefaultSelectQuery<T> query;
    private final List<T> entities;
    private final List<Column<?, ?>> conflict;
    private final @Nullable List<Column<?, ?>> updates;
    private final boolean doNothing;

    private DefaultInsertQuery(
            DefaultSelectQuery<T> query,
            List<T> entities,
            List<Column<?, ?>> conflict,
            @Nullable List<Column<?, ?>> updates,
            boolean doNothing) {
        this.query = query;
        this.entities = entities;
        this.conflict = conflict;
        this.updates = updates;
        this.doNothing = doNothing;
    }

    static <T> DefaultInsertQuery<T> start(DefaultSelectQuery<T> query, Collection<? extends T> entities) {
        if (entities == null || entities.isEmpty()) {
            throw new IllegalArgumentException("insert(...) needs at least one entity");
        }
        List<T> copy = new ArrayList<>(entities.size());
        for (T entity : entities) {
            if (entity == null) {
                throw new IllegalArgumentException("insert(...) got a null entity");
            }
            copy.add(entity);
        }
        return new DefaultInsertQuery<>(query, List.copyOf(copy), List.of(), null, false);
    }

    @Override
    public InsertQuery<T> onConflict(Column<?, ?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("onConflict(...) needs the unique columns of the conflict target");
        }
        return new DefaultInsertQuery<>(query, entities, ownColumns("onConflict", columns), updates, doNothing);
    }

    @Override
    public InsertQuery<T> doNothing() {
        requireConflict("doNothing()");
        return new DefaultInsertQuery<>(query, entities, conflict, null, true);
    }

    @Override
    public InsertQuery<T> doUpdate(Column<?, ?>... columns) {
        requireConflict("doUpdate(...)");
        return new DefaultInsertQuery<>(query, entities, conflict, ownColumns("doUpdate", columns), false);
    }

    private void requireConflict(String method) {
        if (conflict.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(method + " needs onConflict(columns) first");
        }
    }

    private List<Column<?, ?>> ownColumns(String method, Column<?, ?>[] columns) {
        for (Column<?, ?> column : columns) {
            if (column == null
                    || column.entity() != query.state.entity("insert").type()) {
                throw new InvalidDataAccessApiUsageException(method + "(...) takes columns of "
                        + query.state.entity("insert").type().getSimpleName() + " but got " + column);
            }
        }
        return List.of(columns);
    }

    @Override
    public long execute() {
        Rendered<T> rendered = render(false);
        return query.executor.execute(task(), rendered.sql(), statement -> {
            rendered.bind(statement);
            return (long) statement.executeUpdate();
        });
    }

    @Override
    public List<T> returning() {
        return Writes.returning(query.executor, task(), render(true));
    }

    @Override
    public SqlStatement toSql() {
        return render(false).statement();
    }

    private String task() {
        return "insert " + query.state.entity("insert").type().getSimpleName();
    }

    /** The statement, rendered once per shape. */
    private Rendered<T> render(boolean returning) {
        ShapeKey key = query.executor.key(returning ? "insertReturning" : "insert");
        shape(key);
        return query.executor.rendered(key, renderer -> renderInto(renderer, returning));
    }

    /**
     * Adds the entity, the number of rows, whether the id is written (decided by which entities have one, never their
     * values) and the conflict clause to a shape.
     */
    void shape(ShapeKey key) {
        EntityModel<?> model = query.state.entity("insert");
        key.add(model)
                .add(entities.size())
                .add(includeId(model))
                .add(conflict)
                .add(updates)
                .add(doNothing);
    }

    /** Whether the id column is written: always when the id is not generated, else when the entities carry ids. */
    private boolean includeId(EntityModel<?> model) {
        PropertyModel id = model.id();
        int withId = 0;
        for (T entity : entities) {
            withId += id.isUnset(id.get(entity)) ? 0 : 1;
        }
        if (id.generated() && withId > 0 && withId < entities.size()) {
            throw new InvalidDataAccessApiUsageException(
                    "insert(...) got entities with and without an id; insert" + " them in separate calls");
        }
        return !id.generated() || withId > 0;
    }

    /**
     * Appends {@code INSERT INTO ... VALUES ... [ON CONFLICT ...] [RETURNING ...]} and returns the reader of the
     * returned entities ({@code null} when the renderer only collects values).
     */
    @SuppressWarnings("unchecked")
    @Nullable
    RowReader<T> renderInto(SqlRenderer renderer, boolean returning) {
        EntityModel<T> model = (EntityModel<T>) query.state.entity("insert");
        Scope scope = new Scope(null, List.of(Scope.Item.of(model, null)));
        renderer.scope = scope;
        PropertyModel id = model.id();
        boolean includeId = includeId(model);
        List<PropertyModel> columns = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            if ((property != id || includeId)
                    && (property.insertable() || property.role() != PropertyModel.Role.PLAIN)) {
                columns.add(property);
            }
        }
        renderer.append("INSERT INTO ").append(model.qualifiedTable()).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            renderer.append(i == 0 ? "" : ", ").append(columns.get(i).quotedColumn());
        }
        renderer.append(") VALUES ");
        for (int row = 0; row < entities.size(); row++) {
            T entity = entities.get(row);
            renderer.append(row == 0 ? "(" : ", (");
            for (int i = 0; i < columns.size(); i++) {
                PropertyModel property = columns.get(i);
                renderer.append(i == 0 ? "" : ", ");
                switch (property.role()) {
                    case VERSION, CREATED_AT, UPDATED_AT -> renderer.append(property.insertExpression());
                    default -> {
                        Object value = property.get(entity);
                        renderer.bind(
                                value,
                                (statement, index, v) ->
                                        Values.bindChecked(property.codec(), property, statement, index, v));
                    }
                }
            }
            renderer.append(')');
        }
        if (!conflict.isEmpty()) {
            renderer.append(" ON CONFLICT (");
            for (int i = 0; i < conflict.size(); i++) {
                renderer.append(i == 0 ? "" : ", ")
                        .append(scope.property(conflict.get(i)).quotedColumn());
            }
            renderer.append(")");
            if (doNothing || updates == null) {
                renderer.append(" DO NOTHING");
            } else {
                renderUpdate(renderer, scope, model);
            }
        }
        if (returning) {
            renderer.append(" RETURNING ").append(model.selectList());
        }
        return renderer.valuesOnly ? null : RowReader.entity(model);
    }

    private void renderUpdate(SqlRenderer renderer, Scope scope, EntityModel<T> model) {
        List<PropertyModel> targets = new ArrayList<>();
        if (updates == null || updates.isEmpty()) {
            for (PropertyModel property : model.properties()) {
                boolean inConflict =
                        conflict.stream().anyMatch(c -> c.property().equals(property.name()));
                if (property.role() == PropertyModel.Role.PLAIN
                        && property.updatable()
                        && property.insertable()
                        && !inConflict) {
                    targets.add(property);
                }
            }
        } else {
            for (Column<?, ?> column : updates) {
                targets.add(scope.property(column));
            }
        }
        renderer.append(" DO UPDATE SET ");
        boolean first = true;
        for (PropertyModel property : targets) {
            renderer.append(first ? "" : ", ")
                    .append(property.quotedColumn())
                    .append(" = EXCLUDED.")
                    .append(property.quotedColumn());
            first = false;
        }
        for (PropertyModel property : model.properties()) {
            if (property.role() == PropertyModel.Role.VERSION) {
                renderer.append(first ? "" : ", ")
                        .append(property.quotedColumn())
                        .append(" = ")
                        .append(model.qualifiedTable())
                        .append('.')
                        .append(property.quotedColumn())
                        .append(" + 1");
                first = false;
            } else if (property.role() == PropertyModel.Role.UPDATED_AT) {
                renderer.append(first ? "" : ", ")
                        .append(property.quotedColumn())
                        .append(" = ")
                        .append(property.updateExpression());
                first = false;
            }
        }
        if (first) {
            PropertyModel id = model.id();
            renderer.append(id.quotedColumn()).append(" = EXCLUDED.").append(id.quotedColumn());
        }
    }
}
