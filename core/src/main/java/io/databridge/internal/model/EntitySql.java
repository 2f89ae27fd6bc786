package io.databridge.internal.model;

import io.databridge.internal.model.PropertyModel.Role;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SQL text of every single-entity operation, rendered once per entity from its model. Identifiers come from the
 * model (validated and quoted); every value is a {@code ?} placeholder, bound in the order of the matching {@code
 * *Binds} list. Immutable and thread-safe.
 */
public final class EntitySql {

    private final String columnList;
    private final String insertWithoutId;
    private final List<PropertyModel> insertWithoutIdBinds;
    private final String insertWithId;
    private final List<PropertyModel> insertWithIdBinds;
    private final String update;
    private final List<PropertyModel> updateBinds;
    private final @Nullable String upsert;
    private final String selectById;
    private final String deleteById;
    private final String deleteByIdAndVersion;

    /**
     * Renders the statements of an entity.
     *
     * @param model the entity model
     */
    public EntitySql(EntityModel<?> model) {
        String table = model.qualifiedTable();
        PropertyModel id = model.id();
        PropertyModel version = model.version();
        this.columnList = model.selectList();
        String returning = " RETURNING " + columnList;

        List<PropertyModel> withoutIdBinds = new ArrayList<>();
        this.insertWithoutId = insert(model, false, withoutIdBinds) + returning;
        this.insertWithoutIdBinds = List.copyOf(withoutIdBinds);
        List<PropertyModel> withIdBinds = new ArrayList<>();
        this.insertWithId = insert(model, true, withIdBinds) + returning;
        this.insertWithIdBinds = List.copyOf(withIdBinds);

        List<PropertyModel> updateBinds = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        for (PropertyModel property : model.properties()) {
            String assignment = assignment(property, updateBinds);
            if (assignment != null) {
                set.append(set.isEmpty() ? "" : ", ").append(assignment);
            }
        }
        String firstIdColumn = model.idColumns().get(0).quotedColumn();
        if (set.isEmpty()) {
            set.append(firstIdColumn).append(" = ").append(firstIdColumn);
        }
        String byId = idCondition(model);
        StringBuilder where = new StringBuilder(" WHERE ").append(byId);
        updateBinds.addAll(model.idColumns());
        if (version != null) {
            where.append(" AND ").append(version.quotedColumn()).append(" = ?");
            updateBinds.add(version);
        }
        this.update = "UPDATE " + table + " SET " + set + where + returning;
        this.updateBinds = List.copyOf(updateBinds);

        this.upsert = id.generated() || version != null ? null : upsert(model, returning);
        this.selectById = "SELECT " + columnList + " FROM " + table + " WHERE " + byId;
        this.deleteById = "DELETE FROM " + table + " WHERE " + byId;
        this.deleteByIdAndVersion =
                version == null ? deleteById : deleteById + " AND " + version.quotedColumn() + " = ?";
    }

    /**
     * The condition that finds one row by id: {@code "id" = ?}, or one comparison per column of a composite id
     * ({@code "order_id" = ? AND "line_no" = ?}), binding {@link EntityModel#idParts(Object)} in order.
     *
     * @param model the entity model
     * @return the condition
     */
    public static String idCondition(EntityModel<?> model) {
        StringBuilder condition = new StringBuilder();
        for (PropertyModel column : model.idColumns()) {
            condition
                    .append(condition.isEmpty() ? "" : " AND ")
                    .append(column.quotedColumn())
                    .append(" = ?");
        }
        return condition.toString();
    }

    private static String insert(EntityModel<?> model, boolean withId, List<PropertyModel> binds) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (PropertyModel property : model.properties()) {
            String value = insertValue(property, withId, binds);
            if (value == null) {
                continue;
            }
            if (!columns.isEmpty()) {
                columns.append(", ");
                values.append(", ");
            }
            columns.append(property.quotedColumn());
            values.append(value);
        }
        String table = model.qualifiedTable();
        return columns.isEmpty()
                ? "INSERT INTO " + table + " DEFAULT VALUES"
                : "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
    }

    private static @Nullable String insertValue(PropertyModel property, boolean withId, List<PropertyModel> binds) {
        return switch (property.role()) {
            case ID -> {
                if (property.generated() && !withId) {
                    yield null;
                }
                binds.add(property);
                yield "?";
            }
            case VERSION, CREATED_AT, UPDATED_AT -> property.insertExpression();
            case PLAIN -> {
                if (!property.insertable()) {
                    yield null;
                }
                binds.add(property);
                yield "?";
            }
        };
    }

    private static @Nullable String assignment(PropertyModel property, List<PropertyModel> binds) {
        return switch (property.role()) {
            case ID, CREATED_AT -> null;
            case VERSION -> property.quotedColumn() + " = " + property.quotedColumn() + " + 1";
            case UPDATED_AT -> property.quotedColumn() + " = " + property.updateExpression();
            case PLAIN -> {
                if (!property.updatable()) {
                    yield null;
                }
                binds.add(property);
                yield property.quotedColumn() + " = ?";
            }
        };
    }

    private String upsert(EntityModel<?> model, String returning) {
        return insertWithId.substring(0, insertWithId.length() - returning.length()) + " ON CONFLICT ("
                + model.id().quotedColumn() + ") " + conflictAction(model) + returning;
    }

    /**
     * The {@code DO UPDATE SET} of an upsert: every insertable and updatable column from {@code EXCLUDED}, {@link
     * io.databridge.mapping.UpdatedAt} to the current time, the created time untouched.
     *
     * @param model the entity model
     * @return e.g. {@code DO UPDATE SET "owner" = EXCLUDED."owner"}
     */
    public static String conflictAction(EntityModel<?> model) {
        StringBuilder excluded = new StringBuilder();
        for (PropertyModel property : model.properties()) {
            if (property.role() == Role.PLAIN && property.updatable() && property.insertable()) {
                excluded.append(excluded.isEmpty() ? "" : ", ")
                        .append(property.quotedColumn())
                        .append(" = EXCLUDED.")
                        .append(property.quotedColumn());
            } else if (property.role() == Role.UPDATED_AT) {
                excluded.append(excluded.isEmpty() ? "" : ", ")
                        .append(property.quotedColumn())
                        .append(" = ")
                        .append(property.updateExpression());
            }
        }
        return excluded.isEmpty()
                ? "DO UPDATE SET " + model.idColumns().get(0).quotedColumn() + " = EXCLUDED."
                        + model.idColumns().get(0).quotedColumn()
                : "DO UPDATE SET " + excluded;
    }

    /**
     * The quoted column list in property order.
     *
     * @return e.g. {@code "id", "email", "name"}
     */
    public String columnList() {
        return columnList;
    }

    /**
     * {@code INSERT} leaving a generated id to the database; binds {@link #insertWithoutIdBinds()}.
     *
     * @return the SQL
     */
    public String insertWithoutId() {
        return insertWithoutId;
    }

    /**
     * The properties bound by {@link #insertWithoutId()}, in placeholder order.
     *
     * @return the properties
     */
    public List<PropertyModel> insertWithoutIdBinds() {
        return insertWithoutIdBinds;
    }

    /**
     * {@code INSERT} with the id given by the application; binds {@link #insertWithIdBinds()}.
     *
     * @return the SQL
     */
    public String insertWithId() {
        return insertWithId;
    }

    /**
     * The properties bound by {@link #insertWithId()}, in placeholder order.
     *
     * @return the properties
     */
    public List<PropertyModel> insertWithIdBinds() {
        return insertWithIdBinds;
    }

    /**
     * {@code UPDATE} by id (and version, when the entity has one); binds {@link #updateBinds()}.
     *
     * @return the SQL
     */
    public String update() {
        return update;
    }

    /**
     * The properties bound by {@link #update()}, in placeholder order.
     *
     * @return the properties
     */
    public List<PropertyModel> updateBinds() {
        return updateBinds;
    }

    /**
     * {@code INSERT ... ON CONFLICT (id) DO UPDATE} for entities with an assigned id and no version; binds {@link
     * #insertWithIdBinds()}.
     *
     * @return the SQL, or {@code null} when the entity has a generated id or a version
     */
    public @Nullable String upsert() {
        return upsert;
    }

    /**
     * {@code SELECT} of all columns by id; binds the id (each column of a composite id).
     *
     * @return the SQL
     */
    public String selectById() {
        return selectById;
    }

    /**
     * {@code DELETE} by id; binds the id.
     *
     * @return the SQL
     */
    public String deleteById() {
        return deleteById;
    }

    /**
     * {@code DELETE} by id and version (by id only without a version); binds the id, then the version.
     *
     * @return the SQL
     */
    public String deleteByIdAndVersion() {
        return deleteByIdAndVersion;
    }
}
