package io.databridge.internal.bulk;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SQL text of bulk inserts, rendered once per entity. The text does not depend on the number of rows (each column
 * is one array parameter), so every chunk of every call runs the same statement and pgjdbc server-prepares it.
 *
 * <h2>Why the rows come back in input order</h2>
 *
 * <p>SQL does not promise that {@code INSERT ... SELECT ... RETURNING} returns rows in the order of the {@code SELECT},
 * and an identity column gives no way to tell which input row received which id. So the statement never relies on
 * either. It numbers the input rows ({@code unnest(...) WITH ORDINALITY}), assigns every row its id <em>before</em>
 * inserting it, in a materialized CTE ({@code nextval} of the column's sequence for integral ids, {@code
 * gen_random_uuid()} for UUID ids, the application's id when assigned), inserts those ids explicitly ({@code
 * OVERRIDING SYSTEM VALUE}, so {@code GENERATED ALWAYS} identities accept them), and joins the {@code RETURNING} rows
 * back to the numbered input on the id, which is the primary key and so unique, ordering by the input number:
 *
 * <pre>{@code
 * WITH v AS MATERIALIZED (
 *     SELECT nextval(?::regclass) AS b_id, u.b_ord, u.b1, u.b2::jsonb AS b2
 *     FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(b1, b2, b_ord)),
 * ins AS (
 *     INSERT INTO "t" ("id", "name", "doc", "version") OVERRIDING SYSTEM VALUE
 *     SELECT v.b_id, v.b1, v.b2, 0 FROM v RETURNING "id", "name", "doc", "version")
 * SELECT ins."id", ins."name", ins."doc", ins."version" FROM ins JOIN v ON ins."id" = v.b_id ORDER BY v.b_ord
 * }</pre>
 *
 * <p>The order is therefore guaranteed by an {@code ORDER BY}, not by an implementation detail. Version, created and
 * updated columns are rendered as in single inserts ({@code 0}, {@code CURRENT_TIMESTAMP}). Immutable and thread-safe.
 */
final class BulkInsertSql {

    /**
     * The sequence an id column draws from, as {@code regclass} ({@code NULL} when none): binds the table and the
     * column name. {@code pg_get_serial_sequence} finds only sequences {@code OWNED BY} the column (serial, identity);
     * a {@code DEFAULT nextval('seq')} over a free-standing sequence is found through the dependency PostgreSQL records
     * from the column default on the sequence it names.
     */
    static final String ID_SEQUENCE = "(SELECT COALESCE(pg_catalog.pg_get_serial_sequence(n.t, n.c)::regclass,"
            + " (SELECT d.refobjid::regclass FROM pg_catalog.pg_attribute AS a JOIN pg_catalog.pg_attrdef AS f"
            + " ON f.adrelid = a.attrelid AND f.adnum = a.attnum JOIN pg_catalog.pg_depend AS d"
            + " ON d.classid = 'pg_catalog.pg_attrdef'::regclass AND d.objid = f.oid"
            + " AND d.refclassid = 'pg_catalog.pg_class'::regclass JOIN pg_catalog.pg_class AS r"
            + " ON r.oid = d.refobjid AND r.relkind = 'S' WHERE a.attrelid = n.t::regclass AND a.attname = n.c"
            + " ORDER BY d.refobjid LIMIT 1)) FROM (SELECT ?::text AS t, ?::text AS c) AS n)";

    /**
     * The sequence of the unnest statements' ids, bound as its name ({@link #SEQUENCE_NAME} finds it once per entity):
     * resolving a name costs the server a cache lookup, where {@link #ID_SEQUENCE} reads {@code pg_depend} on every
     * call (about 30 µs of a ten-row insert).
     */
    static final String SEQUENCE = "?::regclass";

    /**
     * The name to bind as {@link #SEQUENCE}, or no row when the id column draws from no sequence: binds whether the
     * table's name is unqualified, the table and the column name (for {@link #ID_SEQUENCE}), and the table again. The
     * sequence's name is left unqualified when it lives in the table's schema and the table's name is unqualified, so
     * that both resolve through the same {@code search_path} (a schema per tenant); otherwise it is qualified.
     */
    static final String SEQUENCE_NAME = "SELECT CASE WHEN c.relnamespace = t.relnamespace AND ? THEN"
            + " pg_catalog.quote_ident(c.relname) ELSE pg_catalog.quote_ident(n.nspname) || '.'"
            + " || pg_catalog.quote_ident(c.relname) END FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n"
            + " ON n.oid = c.relnamespace, pg_catalog.pg_class AS t WHERE c.oid = " + ID_SEQUENCE
            + " AND t.oid = ?::regclass";

    /** What an ids-only statement returns after the ids: the values the database computes on insert. */
    private static final String ADDED = ", CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0";

    private final boolean compositeId;
    private final List<BulkColumn> columns;
    private final @Nullable BulkColumn assignedId;
    private final @Nullable String generatedIds;
    private final String assignedIds;
    private final @Nullable String generatedIdsOnly;
    private final @Nullable String assignedIdsOnly;
    private final String copy;
    private final List<PropertyModel> copyColumns;
    private final boolean copyable;
    private final boolean bulkForms;
    private final String allocate;
    private final String copyWithoutId;
    private final String sequenceState;
    private final String copiedIds;

    BulkInsertSql(EntityModel<?> model) {
        this(model, null);
    }

    /**
     * The statements of an entity, with one more column written from the values when {@code extra} is set (a one-way
     * relation's foreign key): then only the unnest statements that return the stored rows exist (no COPY, no ids-only
     * form), as the stored entity does not hold that column.
     */
    BulkInsertSql(EntityModel<?> model, @Nullable BulkColumn extra) {
        PropertyModel id = model.id();
        // A composite id travels as its columns, among the others: one array per column, joined back on all of them.
        this.compositeId = model.compositeId();
        this.columns = new ArrayList<>();
        List<PropertyModel> computed = new ArrayList<>();
        boolean everyColumnKnown = true;
        for (PropertyModel property : model.properties()) {
            switch (property.role()) {
                case ID -> {
                    if (compositeId) {
                        columns.add(BulkColumn.of(property));
                    }
                }
                case VERSION, CREATED_AT, UPDATED_AT -> computed.add(property);
                case PLAIN -> {
                    if (property.insertable()) {
                        columns.add(BulkColumn.of(property));
                    } else {
                        everyColumnKnown = false;
                    }
                }
            }
        }
        List<BulkColumn> mapped = List.copyOf(columns);
        if (extra != null) {
            columns.add(extra);
        }
        this.assignedId = compositeId ? null : BulkColumn.of(id);
        String table = model.qualifiedTable();
        String returning = model.selectList();
        String selectReturning = model.selectList("ins.");
        String join = " FROM ins JOIN v ON ins." + id.quotedColumn() + " = v.b_id ORDER BY v.b_ord";

        Class<?> idType = id.valueType().rawType();
        String generator = null;
        if (id.generated() && isIntegral(idType)) {
            generator = "nextval(" + SEQUENCE + ")";
        } else if (id.generated() && idType == UUID.class) {
            generator = "gen_random_uuid()";
        }
        this.generatedIds = generator == null || columns.isEmpty()
                ? null
                : "WITH v AS MATERIALIZED (SELECT " + generator + " AS b_id, u.b_ord" + elementList()
                        + " FROM unnest(" + placeholders(null) + ") WITH ORDINALITY AS u(" + aliases(null) + ")),"
                        + " ins AS (INSERT INTO " + table + " (" + insertColumns(id, computed)
                        + ") OVERRIDING SYSTEM VALUE SELECT " + insertValues(computed) + " FROM v RETURNING "
                        + returning + ") SELECT " + selectReturning + join;
        BulkColumn assigned = assignedId;
        this.assignedIds = assigned == null
                ? compositeIds(model, computed, false)
                : "WITH v AS MATERIALIZED (SELECT " + assigned.expression("u.b_id") + " AS b_id, u.b_ord"
                        + elementList() + " FROM unnest(" + placeholders(assigned) + ") WITH ORDINALITY AS u("
                        + aliases("b_id") + ")), ins AS (INSERT INTO " + table + " (" + insertColumns(id, computed)
                        + ") SELECT " + insertValues(computed) + " FROM v RETURNING " + returning + ") SELECT "
                        + selectReturning + join;

        // When the call writes every column, the statement returns only what the database adds: the ids in input
        // order (one array, no join back, no rows), the transaction's timestamps and the version. The other values are
        // returned as sent, as COPY returns them: reading 1,000 rows back (and parsing their jsonb, timestamps and
        // numerics) cost more than the insert itself (benchmark scenario 13).
        // An extra column (a one-way key) is not part of the entity: those rows are read back.
        boolean storedAsSent = extra == null && everyColumnKnown;
        this.generatedIdsOnly = !storedAsSent || generator == null || !isIntegral(idType) || columns.isEmpty()
                ? null
                : "WITH v AS MATERIALIZED (SELECT " + generator + " AS b_id, u.b_ord" + elementList()
                        + " FROM unnest(" + placeholders(null) + ") WITH ORDINALITY AS u(" + aliases(null) + ")),"
                        + " ins AS (INSERT INTO " + table + " (" + insertColumns(id, computed)
                        + ") OVERRIDING SYSTEM VALUE SELECT " + insertValues(computed) + " FROM v),"
                        // When every id is its input number plus one offset, the ids are that range in input order:
                        // one aggregate pass proves it, and the sorted array is built only when it is not so.
                        + " s AS (SELECT min(v.b_id - v.b_ord) AS lo, max(v.b_id - v.b_ord) AS hi FROM v)"
                        + " SELECT CASE WHEN s.lo = s.hi THEN NULL ELSE ARRAY(SELECT v.b_id FROM v ORDER BY v.b_ord)"
                        + " END" + ADDED + ", s.lo + 1 FROM s";
        this.assignedIdsOnly = !storedAsSent
                ? null
                : assigned == null
                        ? compositeIds(model, computed, true)
                        : assigned.text()
                                ? null
                                : "WITH v AS (SELECT u.b_id AS b_id, u.b_ord" + elementList() + " FROM unnest("
                                        + placeholders(assigned) + ") WITH ORDINALITY AS u(" + aliases("b_id") + ")),"
                                        + " ins AS (INSERT INTO " + table + " (" + insertColumns(id, computed)
                                        + ") SELECT " + insertValues(computed) + " FROM v) SELECT NULL::int8[]"
                                        + ADDED;
        this.copyColumns = new ArrayList<>();
        copyColumns.add(id);
        for (BulkColumn column : mapped) {
            copyColumns.add(column.property());
        }
        copyColumns.addAll(computed);
        StringJoiner copyList = new StringJoiner(", ");
        copyColumns.forEach(property -> copyList.add(property.quotedColumn()));
        this.copy = "COPY " + table + " (" + copyList + ") FROM STDIN";
        StringJoiner withoutId = new StringJoiner(", ");
        copyColumns.subList(1, copyColumns.size()).forEach(property -> withoutId.add(property.quotedColumn()));
        this.copyWithoutId = "COPY " + table + " (" + withoutId + ") FROM STDIN";
        // Without triggers on the table only the id column's default draws from the sequence while a COPY runs in
        // this session, so the session's last value is the id of the COPY's last row.
        // The column must also draw from that sequence by itself: an identity, or a default of nextval(sequence).
        this.sequenceState = "SELECT pg_sequence_last_value(q.s), CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0,"
                + " p.seqincrement = 1 AND p.seqcache = 1 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger AS g"
                + " WHERE g.tgrelid = q.s2 AND NOT g.tgisinternal) AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute"
                + " AS a LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = q.s2 AND a.attname = ? AND (a.attidentity <> '' OR"
                + " pg_catalog.pg_get_expr(d.adbin, d.adrelid) = 'nextval(' || quote_literal(q.s::text)"
                + " || '::regclass)'))"
                + " FROM (SELECT " + ID_SEQUENCE + " AS s, ?::regclass AS s2) AS q"
                + " JOIN pg_catalog.pg_sequence AS p ON p.seqrelid = q.s";
        String idColumn = id.quotedColumn();
        this.copiedIds = "SELECT c.v, CASE WHEN c.v - ? = ? THEN NULL ELSE ARRAY(SELECT t." + idColumn + " FROM "
                + table + " AS t WHERE t." + idColumn + " > ? AND t." + idColumn + " <= c.v AND t.xmin = (SELECT"
                + " l.xmin FROM " + table + " AS l WHERE l." + idColumn + " = c.v) ORDER BY t." + idColumn
                + ") END FROM (SELECT currval(" + ID_SEQUENCE + ") AS v) AS c";
        BulkColumn assignedColumn = assignedId;
        this.bulkForms = (assignedColumn == null || assignedColumn.supported())
                && columns.stream().allMatch(BulkColumn::supported);
        this.copyable = extra == null && everyColumnKnown && !compositeId && (!id.generated() || isIntegral(idType));
        // A sequence hands one session increasing values, so without concurrent inserters the ids form one range:
        // the statement then returns its first value and count, not 100,000 ids to parse. generate_series sits in a
        // select list, where it streams, not in FROM, where it is first written to a tuplestore (7 of 28 ms for
        // 100,000 ids in psql).
        this.allocate = "SELECT CASE WHEN max(s.v) - min(s.v) + 1 = count(*) THEN NULL ELSE array_agg(s.v) END,"
                + " CURRENT_TIMESTAMP, LOCALTIMESTAMP, 0, min(s.v)"
                + " FROM (SELECT nextval(" + ID_SEQUENCE + ") AS v"
                + " FROM (SELECT generate_series(1, ?)) AS g) AS s";
    }

    /**
     * The insert of rows with a composite id, whose columns are among {@link #columns()}: the rows come back joined to
     * their input position on every column of the key; {@code idsOnly} returns the computed values instead, as {@link
     * #assignedIdsOnly()} does.
     */
    private String compositeIds(EntityModel<?> model, List<PropertyModel> computed, boolean idsOnly) {
        StringJoiner insertColumns = new StringJoiner(", ");
        StringJoiner insertValues = new StringJoiner(", ");
        StringJoiner on = new StringJoiner(" AND ");
        for (int i = 0; i < columns.size(); i++) {
            PropertyModel property = columns.get(i).property();
            insertColumns.add(property.quotedColumn());
            insertValues.add("v.b" + (i + 1));
            if (property.role() == PropertyModel.Role.ID) {
                on.add("ins." + property.quotedColumn() + " = v.b" + (i + 1));
            }
        }
        computed.forEach(property -> insertColumns.add(property.quotedColumn()));
        computed.forEach(property -> insertValues.add(property.insertExpression()));
        String rows = "WITH v AS" + (idsOnly ? "" : " MATERIALIZED") + " (SELECT u.b_ord" + elementList()
                + " FROM unnest(" + placeholders(null) + ") WITH ORDINALITY AS u(" + aliases(null) + ")), ins AS"
                + " (INSERT INTO " + model.qualifiedTable() + " (" + insertColumns + ") SELECT " + insertValues
                + " FROM v";
        return idsOnly
                ? rows + ") SELECT NULL::int8[]" + ADDED
                : rows + " RETURNING " + model.selectList() + ") SELECT " + model.selectList("ins.")
                        + " FROM ins JOIN v ON " + on + " ORDER BY v.b_ord";
    }

    /** Whether the id is composite: its columns are among {@link #columns()} and there is no separate id array. */
    boolean compositeId() {
        return compositeId;
    }

    private String elementList() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String alias = "b" + (i + 1);
            list.append(", ")
                    .append(columns.get(i).expression("u." + alias))
                    .append(" AS ")
                    .append(alias);
        }
        return list.toString();
    }

    private String placeholders(@Nullable BulkColumn id) {
        StringJoiner list = new StringJoiner(", ");
        if (id != null) {
            list.add(id.placeholder());
        }
        columns.forEach(column -> list.add(column.placeholder()));
        return list.toString();
    }

    private String aliases(@Nullable String id) {
        StringJoiner list = new StringJoiner(", ");
        if (id != null) {
            list.add(id);
        }
        for (int i = 0; i < columns.size(); i++) {
            list.add("b" + (i + 1));
        }
        return list.add("b_ord").toString();
    }

    private String insertColumns(PropertyModel id, List<PropertyModel> computed) {
        StringJoiner list = new StringJoiner(", ").add(id.quotedColumn());
        columns.forEach(column -> list.add(column.quotedColumn()));
        computed.forEach(property -> list.add(property.quotedColumn()));
        return list.toString();
    }

    private String insertValues(List<PropertyModel> computed) {
        StringJoiner list = new StringJoiner(", ").add("v.b_id");
        for (int i = 0; i < columns.size(); i++) {
            list.add("v.b" + (i + 1));
        }
        computed.forEach(property -> list.add(property.insertExpression()));
        return list.toString();
    }

    static boolean isIntegral(Class<?> type) {
        return type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class;
    }

    /** The written columns other than the id, in model order (then the extra column, if any). */
    List<BulkColumn> columns() {
        return columns;
    }

    /** How an assigned id travels. */
    BulkColumn assignedId() {
        return Objects.requireNonNull(assignedId, "assigned ids travel in bulk only when their type can");
    }

    /**
     * The statement for rows whose ids the database generates: binds the table and id column names (integral ids
     * only), then one array per {@link #columns()} entry.
     *
     * @return the SQL, or {@code null} when ids are not generated by a sequence or {@code gen_random_uuid()}, or the
     *     entity has no other written column
     */
    @Nullable
    String generatedIds() {
        return generatedIds;
    }

    /** The statement for rows with assigned ids: binds the id array, then one array per {@link #columns()} entry. */
    String assignedIds() {
        return assignedIds;
    }

    /**
     * Like {@link #generatedIds()}, for entities whose stored row is the row sent (every column written by the call,
     * each a typed array the column stores as is): returns one row with the ids in input order ({@code int8[]}, or
     * {@code NULL} when they are consecutive in input order), {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP},
     * {@code 0} and the first id, instead of every stored row joined back to its input position.
     *
     * @return the SQL, or {@code null} when the stored row may differ from the row sent or ids are not integral
     */
    @Nullable
    String generatedIdsOnly() {
        return generatedIdsOnly;
    }

    /**
     * Like {@link #assignedIds()}, for entities whose stored row is the row sent: returns one row with {@code NULL},
     * {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP} and {@code 0}.
     *
     * @return the SQL, or {@code null} when the stored row may differ from the row sent
     */
    @Nullable
    String assignedIdsOnly() {
        return assignedIdsOnly;
    }

    /** {@code COPY ... FROM STDIN} (text format) of {@link #copyColumns()}. */
    String copy() {
        return copy;
    }

    /** {@code COPY ... FROM STDIN} of {@link #copyColumns()} but the id, which the column's default draws. */
    String copyWithoutId() {
        return copyWithoutId;
    }

    /**
     * Reads the id sequence before a COPY that lets the id column's default draw the ids: binds id column, table, id
     * column and table again; returns the sequence's last value ({@code NULL} before its first call), {@code
     * CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP}, {@code 0} and whether the ids can be read back after the COPY: the
     * column is an identity or defaults to the sequence's {@code nextval}, the sequence counts by one, with no
     * per-session cache, and the table has no triggers. No row when the column has no sequence.
     */
    String sequenceState() {
        return sequenceState;
    }

    /**
     * The ids a {@link #copyWithoutId()} drew: binds the sequence value read before it, the row count, that value
     * again, table and id column; returns the session's last id and, unless the ids are exactly the range up to it,
     * every id in that span of a row inserted by the (sub)transaction that inserted the row holding the last id, in
     * ascending order.
     */
    String copiedIds() {
        return copiedIds;
    }

    /** The id, the {@link #columns()} and the computed columns, in COPY order. */
    List<PropertyModel> copyColumns() {
        return copyColumns;
    }

    /** Whether every column's codec says how its values travel in bulk (else inserts go row by row). */
    boolean bulkForms() {
        return bulkForms;
    }

    boolean copyable() {
        return copyable;
    }

    /**
     * Allocates ids and reads the values computed columns receive: binds table, id column and row count; returns the
     * ids as an array ({@code NULL} when they are one contiguous range), {@code CURRENT_TIMESTAMP}, {@code
     * LOCALTIMESTAMP}, {@code 0} and the smallest id.
     */
    String allocate() {
        return allocate;
    }
}
