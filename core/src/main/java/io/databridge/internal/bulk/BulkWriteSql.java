package io.databridge.internal.bulk;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntitySql;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.PropertyModel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The SQL text of bulk updates, deletes and upserts, rendered once per entity. As in {@link BulkInsertSql}, every
 * column is one array parameter (typed, or the codec's text form cast back, see {@link BulkColumn}), so the text does
 * not depend on the number of rows and every chunk of every call runs the same server-prepared statement.
 *
 * <p>Rows come back in input order because the statement says so: the input is numbered ({@code WITH ORDINALITY}),
 * the number travels through {@code RETURNING} (an {@code UPDATE ... FROM} may return the columns of its {@code FROM}
 * list) or is joined back on the primary key, and the outer {@code SELECT} orders by it:
 *
 * <pre>{@code
 * WITH b_upd AS (UPDATE "note" AS b_t SET "text" = u.b1, "version" = b_t."version" + 1
 *     FROM unnest(?::int8[], ?::text[], ?::int4[]) WITH ORDINALITY AS u(b_id, b1, b_version, b_ord)
 *     WHERE b_t."id" = u.b_id AND b_t."version" = u.b_version
 *     RETURNING b_t."id", b_t."text", b_t."version", u.b_ord AS b_ord)
 * SELECT "id", "text", "version" FROM b_upd ORDER BY b_ord
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
final class BulkWriteSql {

    private final BulkColumn id;
    private final @Nullable BulkColumn version;
    private final List<BulkColumn> updateColumns;
    private final String update;
    private final String deleteByIds;
    private final String deleteByIdsAndVersions;
    private final List<BulkColumn> upsertColumns;
    private final @Nullable String upsert;
    private final @Nullable String upsertAsSent;

    BulkWriteSql(EntityModel<?> model) {
        String table = model.qualifiedTable();
        PropertyModel idProperty = model.id();
        PropertyModel versionProperty = model.version();
        this.id = BulkColumn.of(idProperty);
        this.version = versionProperty == null ? null : BulkColumn.of(versionProperty);
        String idColumn = idProperty.quotedColumn();

        this.updateColumns = new ArrayList<>();
        updateColumns.add(id);
        StringJoiner set = new StringJoiner(", ");
        for (PropertyModel property : model.properties()) {
            switch (property.role()) {
                case ID, CREATED_AT -> {}
                case VERSION -> set.add(property.quotedColumn() + " = b_t." + property.quotedColumn() + " + 1");
                case UPDATED_AT -> set.add(property.quotedColumn() + " = " + property.updateExpression());
                case PLAIN -> {
                    if (property.updatable()) {
                        BulkColumn column = BulkColumn.of(property);
                        set.add(property.quotedColumn() + " = " + column.expression("u.b" + updateColumns.size()));
                        updateColumns.add(column);
                    }
                }
            }
        }
        if (set.length() == 0) {
            set.add(idColumn + " = b_t." + idColumn);
        }
        StringJoiner aliases = new StringJoiner(", ").add("b_id");
        for (int i = 1; i < updateColumns.size(); i++) {
            aliases.add("b" + i);
        }
        StringBuilder where =
                new StringBuilder(" WHERE b_t.").append(idColumn).append(" = ").append(id.expression("u.b_id"));
        if (version != null && versionProperty != null) {
            updateColumns.add(version);
            aliases.add("b_version");
            where.append(" AND b_t.")
                    .append(versionProperty.quotedColumn())
                    .append(" = ")
                    .append(version.expression("u.b_version"));
        }
        this.update = "WITH b_upd AS (UPDATE " + table + " AS b_t SET " + set + " FROM unnest("
                + placeholders(updateColumns) + ") WITH ORDINALITY AS u(" + aliases + ", b_ord)" + where
                + " RETURNING " + model.selectList("b_t.") + ", u.b_ord AS b_ord) SELECT " + model.selectList()
                + " FROM b_upd ORDER BY b_ord";

        this.deleteByIds = "DELETE FROM " + table + " WHERE " + idColumn + " = ANY(" + id.arrayPlaceholder() + ")";
        this.deleteByIdsAndVersions = version == null || versionProperty == null
                ? deleteByIds
                : "DELETE FROM " + table + " WHERE (" + idColumn + ", " + versionProperty.quotedColumn()
                        + ") IN (SELECT " + id.expression("u.b_id") + ", " + version.expression("u.b_version")
                        + " FROM unnest(" + id.placeholder() + ", " + version.placeholder()
                        + ") AS u(b_id, b_version))";

        this.upsertColumns = new ArrayList<>();
        upsertColumns.add(id);
        this.upsert = idProperty.generated() || versionProperty != null ? null : upsert(model);
        this.upsertAsSent = upsert == null ? null : upsertAsSent(model);
    }

    /**
     * The upsert of an entity whose stored row is always the row sent: every column travels as a typed array (no codec
     * that could round a value), is inserted and updated, and none is computed by the database. Nothing needs to be
     * read back, so the statement has no {@code RETURNING}, no numbering and no join.
     */
    private @Nullable String upsertAsSent(EntityModel<?> model) {
        StringJoiner columns = new StringJoiner(", ");
        for (PropertyModel property : model.properties()) {
            boolean plain = property.role() == Role.PLAIN && property.insertable() && property.updatable();
            if (!(plain || property.role() == Role.ID)) {
                return null;
            }
            columns.add(property.quotedColumn());
        }
        if (upsertColumns.size() != model.properties().size()
                || upsertColumns.stream().anyMatch(BulkColumn::text)) {
            return null;
        }
        return "INSERT INTO " + model.qualifiedTable() + " AS b_t (" + columns + ") SELECT * FROM unnest("
                + placeholders(upsertColumns) + ") ON CONFLICT (" + model.id().quotedColumn() + ") "
                + EntitySql.conflictAction(model);
    }

    private String upsert(EntityModel<?> model) {
        PropertyModel idProperty = model.id();
        String idColumn = idProperty.quotedColumn();
        StringJoiner elements = new StringJoiner(", ").add(id.expression("u.b_id") + " AS b_id");
        StringJoiner aliases = new StringJoiner(", ").add("b_id");
        StringJoiner insertColumns = new StringJoiner(", ").add(idColumn);
        StringJoiner insertValues = new StringJoiner(", ").add("v.b_id");
        List<PropertyModel> computed = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            if (property.role() == Role.PLAIN && property.insertable()) {
                String alias = "b" + upsertColumns.size();
                BulkColumn column = BulkColumn.of(property);
                upsertColumns.add(column);
                elements.add(column.expression("u." + alias) + " AS " + alias);
                aliases.add(alias);
                insertColumns.add(property.quotedColumn());
                insertValues.add("v." + alias);
            } else if (property.role() == Role.CREATED_AT || property.role() == Role.UPDATED_AT) {
                computed.add(property);
            }
        }
        for (PropertyModel property : computed) {
            insertColumns.add(property.quotedColumn());
            insertValues.add(property.insertExpression());
        }
        return "WITH v AS MATERIALIZED (SELECT " + elements + ", u.b_ord FROM unnest(" + placeholders(upsertColumns)
                + ") WITH ORDINALITY AS u(" + aliases + ", b_ord)), b_ins AS (INSERT INTO " + model.qualifiedTable()
                + " AS b_t (" + insertColumns + ") SELECT " + insertValues + " FROM v ON CONFLICT (" + idColumn
                + ") " + EntitySql.conflictAction(model) + " RETURNING " + model.selectList("b_t.") + ") SELECT "
                + model.selectList("b_ins.") + " FROM b_ins JOIN v ON b_ins." + idColumn
                + " = v.b_id ORDER BY v.b_ord";
    }

    private static String placeholders(List<BulkColumn> columns) {
        StringJoiner list = new StringJoiner(", ");
        columns.forEach(column -> list.add(column.placeholder()));
        return list.toString();
    }

    /** How the id travels. */
    BulkColumn id() {
        return id;
    }

    /** How the version travels, or {@code null} without a version. */
    @Nullable
    BulkColumn version() {
        return version;
    }

    /** The arrays {@link #update()} binds, in order: the id, the updatable columns, the version (if any). */
    List<BulkColumn> updateColumns() {
        return updateColumns;
    }

    /**
     * {@code UPDATE ... FROM unnest(...)} by id (and version): returns the updated rows in input order; an input row
     * whose id (or version) matches nothing returns no row.
     */
    String update() {
        return update;
    }

    /** {@code DELETE ... WHERE id = ANY(?)}: binds the id array. */
    String deleteByIds() {
        return deleteByIds;
    }

    /**
     * {@code DELETE ... WHERE (id, version) IN (SELECT FROM unnest(?, ?))}: binds the id and the version arrays; the
     * same as {@link #deleteByIds()} without a version.
     */
    String deleteByIdsAndVersions() {
        return deleteByIdsAndVersions;
    }

    /** The arrays {@link #upsert()} binds, in order: the id, then the insertable columns. */
    List<BulkColumn> upsertColumns() {
        return upsertColumns;
    }

    /**
     * {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT (id) DO UPDATE ... RETURNING}, rows in input order.
     *
     * @return the SQL, or {@code null} when the entity has a generated id or a version
     */
    @Nullable
    String upsert() {
        return upsert;
    }

    /**
     * {@code INSERT ... SELECT * FROM unnest(...) ON CONFLICT (id) DO UPDATE ...} without {@code RETURNING}, binding
     * {@link #upsertColumns()}, for entities whose stored row is the row sent.
     *
     * @return the SQL, or {@code null} when a column travels as text, is not both inserted and updated, or is computed
     */
    @Nullable
    String upsertAsSent() {
        return upsertAsSent;
    }
}
