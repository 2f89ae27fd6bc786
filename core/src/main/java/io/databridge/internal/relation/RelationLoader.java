package io.databridge.internal.relation;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.jdbc.QueryExecutor;
import io.databridge.internal.jdbc.RowMapper;
import io.databridge.internal.jdbc.StatementBinder;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityReader;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import io.databridge.mapping.FetchStrategy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Loads a fetch plan, each relation by its strategy ({@link FetchStrategy}): select-in (one statement per relation per
 * level, {@code WHERE fk = ANY(?)} with the ids of the whole level), JOIN (a to-one's columns read in the statement of
 * the rows that refer to it, through a {@code LEFT JOIN}) and JSON (a relation and its subtree aggregated into one
 * {@code jsonb} value per row by a correlated subquery, decoded through the columns' own codecs). Relations marked lazy
 * get collections that load for all siblings on first read inside the transaction that read them. Children are
 * assembled bottom-up, so records work: a record whose relation is loaded is rebuilt with it. Thread-safe; one per
 * engine.
 */
public final class RelationLoader implements QueryExecutor.RelationFetch {

    private final RelationResolver resolver;
    private final JdbcExecutor executor;
    private final JsonDecoder decoder = new JsonDecoder();
    private final Map<Class<?>, Map<List<String>, FetchPlan>> plans = new ConcurrentHashMap<>();
    private final Map<StatementKey, EmbeddingStatement> statements = new ConcurrentHashMap<>();

    /**
     * Creates a loader.
     *
     * @param resolver resolves relations
     * @param executor runs the statements
     */
    public RelationLoader(RelationResolver resolver, JdbcExecutor executor) {
        this.resolver = resolver;
        this.executor = executor;
    }

    /**
     * Checks fetch paths against the model, so a repository method with a bad {@code @Fetch} fails at startup.
     *
     * @param type the root entity
     * @param paths the relation paths
     * @throws IllegalArgumentException naming the path that is not a relation
     */
    public void validate(Class<?> type, List<String> paths) {
        plan(type, paths);
    }

    /**
     * Whether rows of {@code type} read with these paths need the loader: something to fetch (the paths or the
     * entity's default plan) or lazy collections to install.
     *
     * @param type the root entity
     * @param paths the relation paths
     * @return {@code false} when the rows are complete as read
     */
    public boolean loads(Class<?> type, List<String> paths) {
        return !plan(type, paths).isEmpty();
    }

    @Override
    public <T> List<T> fetch(Class<T> type, List<T> rows, List<String> paths) {
        return load(type, rows, paths);
    }

    /**
     * Loads the relations named by {@code paths} (and the entity's default plan) into {@code rows}.
     *
     * @param type the root entity
     * @param rows the roots, as read
     * @param paths the relation paths, e.g. {@code "pets"}, {@code "json:pets.visits"}, {@code "!type"}
     * @param <T> the root type
     * @return the roots with their relations loaded: the same instances for classes, new ones for records
     */
    public <T> List<T> load(Class<T> type, List<T> rows, List<String> paths) {
        if (rows.isEmpty()) {
            resolver.validate(type);
        }
        FetchPlan plan = plan(type, paths);
        LoadedRoots.note(type, plan);
        if (rows.isEmpty() || plan.isEmpty()) {
            return rows;
        }
        return load(resolver.models().get(type), new ArrayList<>(rows), plan, Set.of());
    }

    @Override
    public <T> List<T> select(
            Class<T> type, String task, String sql, StatementBinder binder, RowMapper<T> mapper, List<String> paths) {
        FetchPlan plan = plan(type, paths);
        LoadedRoots.note(type, plan);
        EntityModel<T> model = resolver.models().get(type);
        if (!embeds(model, plan)) {
            List<T> rows = executor.execute(task, sql, statement -> {
                binder.bind(statement);
                List<T> result = new ArrayList<>();
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        result.add(mapper.map(results));
                    }
                }
                return result;
            });
            return rows.isEmpty() || plan.isEmpty() ? rows : load(model, rows, plan, Set.of());
        }
        // The query becomes a derived table; joined to-ones and JSON aggregates are added around it. With a join the
        // rows are numbered first, so the join cannot reorder them.
        boolean joins =
                plan.children().entrySet().stream().anyMatch(e -> e.getValue().strategy() == FetchStrategy.JOIN);
        int first = model.properties().size() + (joins ? 2 : 1);
        Rendering rendering = new Rendering(first);
        Level level = embed(model, "q", plan, rendering);
        String wrapped = joins
                ? "SELECT q.*" + rendering.columns + " FROM (SELECT q0.*, row_number() OVER () AS \"__row\" FROM ("
                        + sql + ") q0) q" + rendering.joins + " ORDER BY q.\"__row\""
                : "SELECT q.*" + rendering.columns + " FROM (" + sql + ") q";
        Read<T> read = executor.execute(task, wrapped, statement -> {
            binder.bind(statement);
            return read(statement, mapper, level);
        });
        return read.rows().isEmpty() ? read.rows() : attach(model, read.rows(), level, read.data(), plan);
    }

    private FetchPlan plan(Class<?> type, List<String> paths) {
        return plans.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        List.copyOf(paths), p -> FetchPlan.of(resolver.models().get(type), p, resolver));
    }

    private boolean embeds(EntityModel<?> model, FetchPlan plan) {
        for (Map.Entry<RelationProperty, FetchPlan> entry : plan.children().entrySet()) {
            if (entry.getValue().strategy() != FetchStrategy.SELECT_IN) {
                return true;
            }
        }
        return false;
    }

    // ---- select-in, for rows already read ---------------------------------------------------------------------

    /** Loads the relations of {@code plan} not in {@code embedded} into rows already read, then installs lazies. */
    private <T> List<T> load(EntityModel<T> model, List<T> rows, FetchPlan plan, Set<RelationProperty> embedded) {
        List<T> current = rows;
        for (Map.Entry<RelationProperty, FetchPlan> entry : plan.children().entrySet()) {
            if (embedded.contains(entry.getKey())) {
                continue;
            }
            ResolvedRelation relation = resolver.resolve(model, entry.getKey());
            FetchPlan child = entry.getValue();
            if (child.strategy() == FetchStrategy.JSON) {
                current = loadJson(model, relation, current, child);
            } else if (relation.shape() == ResolvedRelation.Shape.TO_ONE) {
                current = loadToOne(model, relation, current, child);
            } else {
                current = loadByParent(model, relation, current, child);
            }
        }
        for (RelationProperty relation : plan.lazy()) {
            current = installLazy(model, relation, current);
        }
        return current;
    }

    private <T, R> List<T> loadToOne(EntityModel<T> model, ResolvedRelation relation, List<T> rows, FetchPlan plan) {
        @SuppressWarnings("unchecked")
        EntityModel<R> target = (EntityModel<R>) relation.target();
        RelationProperty property = relation.property();
        PropertyModel targetId = target.id();
        Set<Object> ids = new LinkedHashSet<>();
        for (T row : rows) {
            Object id = IdArrays.idOf(targetId, property.get(row));
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return rows;
        }
        EmbeddingStatement statement = selectIn(relation, plan);
        Read<R> read = executor.execute("fetch " + relation.name(), statement.sql(), prepared -> {
            IdArrays.bind(prepared, 1, targetId, ids);
            return read(prepared, target.reader()::read, statement.level());
        });
        List<R> loaded = attach(target, read.rows(), statement.level(), read.data(), plan);
        Map<Object, R> byId = new HashMap<>();
        for (R entity : loaded) {
            byId.put(targetId.get(entity), entity);
        }
        List<T> result = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object id = IdArrays.idOf(targetId, property.get(row));
            R related = id == null ? null : byId.get(id);
            result.add(related == null ? row : model.withRelation(row, property, related));
        }
        return result;
    }

    private <T, R> List<T> loadByParent(EntityModel<T> model, ResolvedRelation relation, List<T> rows, FetchPlan plan) {
        @SuppressWarnings("unchecked")
        EntityModel<R> target = (EntityModel<R>) relation.target();
        PropertyModel sourceId = model.id();
        // One group per distinct parent id, in the rows' order; each row points at its group (-1: no id).
        Map<Object, Integer> slots = new LinkedHashMap<>(rows.size() * 4 / 3 + 1);
        int[] slotOfRow = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object id = sourceId.get(rows.get(i));
            if (id == null) {
                slotOfRow[i] = -1;
            } else {
                Integer slot = slots.putIfAbsent(id, slots.size());
                slotOfRow[i] = slot == null ? slots.size() - 1 : slot;
            }
        }
        PropertyModel childKey = relation.childForeignKey();
        int keyColumn = childKey == null ? target.properties().size() + 1 : childKey.index() + 1;
        List<R> loaded = List.of();
        EmbeddingStatement statement = slots.isEmpty() ? null : selectIn(relation, plan);
        int expected = statement == null ? 0 : statement.rowsPerKey().expected(slots.size());
        Slots slotOfChild = new Slots(expected);
        if (statement != null) {
            @SuppressWarnings("unchecked")
            EntityReader<R> reader = (EntityReader<R>) statement.reader();
            Read<R> read = executor.execute("fetch " + relation.name(), statement.sql(), prepared -> {
                IdArrays.bind(prepared, 1, sourceId, slots.keySet());
                return read(
                        prepared,
                        results -> {
                            Integer slot = slots.get(sourceId.codec().read(results, keyColumn));
                            slotOfChild.add(slot == null ? -1 : slot);
                            return reader.read(results);
                        },
                        statement.level(),
                        expected);
            });
            statement.rowsPerKey().seen(slots.size(), read.rows().size());
            loaded = attach(target, read.rows(), statement.level(), read.data(), plan);
        }
        // Each group sized exactly, filled in the order the children were read.
        int[] sizes = new int[slots.size()];
        for (int i = 0; i < loaded.size(); i++) {
            int slot = slotOfChild.get(i);
            if (slot >= 0) {
                sizes[slot]++;
            }
        }
        List<List<R>> bySlot = new ArrayList<>(sizes.length);
        for (int size : sizes) {
            bySlot.add(size == 0 ? List.of() : new ArrayList<>(size));
        }
        for (int i = 0; i < loaded.size(); i++) {
            int slot = slotOfChild.get(i);
            if (slot >= 0) {
                bySlot.get(slot).add(loaded.get(i));
            }
        }
        List<List<R>> groups = new ArrayList<>(rows.size());
        for (int slot : slotOfRow) {
            groups.add(slot < 0 ? List.of() : bySlot.get(slot));
        }
        return assign(model, relation, rows, groups);
    }

    /** A growable list of ints: the group of each child read, without boxing one per row. */
    private static final class Slots {
        private int[] values;
        private int size;

        Slots(int expected) {
            values = new int[Math.max(expected, 8)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }
    }

    /** Sets each row's relation to its group of targets, with the children's back-reference to the row. */
    private <T, R> List<T> assign(EntityModel<T> model, ResolvedRelation relation, List<T> rows, List<List<R>> groups) {
        @SuppressWarnings("unchecked")
        EntityModel<R> target = (EntityModel<R>) relation.target();
        RelationProperty property = relation.property();
        RelationProperty backReference = backReference(relation);
        LoadedCollections.Shape<R> shape =
                property.collectionType() == null ? null : LoadedCollections.Shape.of(resolver, target);
        // The snapshot holds the back reference as the parent's id, which the row holds: no getter call per child.
        PropertyModel backColumn = backReference == null ? null : backReference.column();
        int known = backColumn == null ? -1 : backColumn.index();
        PropertyModel sourceId = model.id();
        List<T> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            List<R> group = groups.get(i);
            if (backReference != null) {
                for (R child : group) {
                    backReference.set(child, row);
                }
            }
            Object value;
            if (shape == null) {
                value = group.isEmpty() ? null : group.get(0);
            } else {
                value = LoadedCollections.of(
                        shape, property, group, known, known < 0 || group.isEmpty() ? null : sourceId.get(row));
            }
            result.add(model.withRelation(row, property, value));
        }
        return result;
    }

    /** JSON for rows already read: one statement over their keys returns each key's aggregate. */
    private <T> List<T> loadJson(EntityModel<T> model, ResolvedRelation relation, List<T> rows, FetchPlan plan) {
        boolean toOne = relation.shape() == ResolvedRelation.Shape.TO_ONE;
        PropertyModel key = toOne ? relation.target().id() : model.id();
        Set<Object> ids = new LinkedHashSet<>();
        for (T row : rows) {
            Object id = toOne
                    ? IdArrays.idOf(key, relation.property().get(row))
                    : model.id().get(row);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return rows;
        }
        String column = toOne ? relation.foreignKey() : model.id().quotedColumn();
        int[] aliases = {0};
        String sql = "SELECT k." + column + ", " + json("k", relation, plan, aliases) + " FROM unnest("
                + IdArrays.placeholder(key) + ") AS k(" + column + ")";
        Map<Object, Object> byKey = new HashMap<>();
        JsonDecoder.Decoded decoded = executor.execute("fetch " + relation.name(), sql, statement -> {
            IdArrays.bind(statement, 1, key, ids);
            List<Object> keys = new ArrayList<>();
            List<@Nullable Object> values = new ArrayList<>();
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    keys.add(key.codec().read(results, 1));
                    values.add(JsonArrays.parse(results.getString(2)));
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                byKey.put(keys.get(i), i);
            }
            return decoder.decode(statement, relation, plan, values, resolver);
        });
        List<@Nullable Object> perRow = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object id = toOne
                    ? IdArrays.idOf(key, relation.property().get(row))
                    : model.id().get(row);
            perRow.add(id == null ? null : byKey.get(id));
        }
        return attachJson(model, rows, relation, plan, decoded, perRow);
    }

    // ---- statements with embedded relations -------------------------------------------------------------------

    /** The columns and joins added to a statement, numbered from {@code next}. */
    private static final class Rendering {
        final StringBuilder columns = new StringBuilder();
        final StringBuilder joins = new StringBuilder();
        final int[] aliases = {0};
        int next;

        Rendering(int next) {
            this.next = next;
        }
    }

    /** A relation read in the statement of its source rows. */
    private sealed interface Embed permits Joined, Json {
        ResolvedRelation relation();

        FetchPlan plan();
    }

    /** A to-one read through a {@code LEFT JOIN}, its columns at {@code columns}, itself with embedded relations. */
    private record Joined(ResolvedRelation relation, FetchPlan plan, EntityReader<?> reader, int idColumn, Level nested)
            implements Embed {}

    /** A relation aggregated to {@code jsonb} in the column {@code column}. */
    private record Json(ResolvedRelation relation, FetchPlan plan, int column) implements Embed {}

    /** The relations embedded in one level of a statement. */
    private record Level(List<Embed> embeds, Set<RelationProperty> relations) {}

    private record StatementKey(ResolvedRelation relation, FetchPlan plan) {}

    /** A select-in statement with what it embeds, and the reader of its target columns. */
    private record EmbeddingStatement(String sql, Level level, EntityReader<?> reader, RowsPerKey rowsPerKey) {
        EmbeddingStatement(String sql, Level level, EntityReader<?> reader) {
            this(sql, level, reader, new RowsPerKey());
        }
    }

    /**
     * How many rows a select-in statement returned per key bound, as last seen: sizes the list of the next read, which
     * would otherwise grow (and copy itself) a dozen times on the way to a thousand rows. Racy by design: any recent
     * value is a good guess.
     */
    private static final class RowsPerKey {
        private volatile int sixteenths = 16;

        int expected(int keys) {
            return (int) Math.min(1 << 16, ((long) keys * sixteenths) >> 4) + 1;
        }

        void seen(int keys, int rows) {
            if (keys > 0) {
                sixteenths = (int) Math.min(1 << 20, ((long) rows << 4) / keys);
            }
        }
    }

    private Level embed(EntityModel<?> model, String alias, FetchPlan plan, Rendering rendering) {
        List<Embed> embeds = new ArrayList<>();
        Set<RelationProperty> relations = new HashSet<>();
        for (Map.Entry<RelationProperty, FetchPlan> entry : plan.children().entrySet()) {
            FetchPlan child = entry.getValue();
            ResolvedRelation relation = resolver.resolve(model, entry.getKey());
            if (child.strategy() == FetchStrategy.JOIN) {
                EntityModel<?> target = relation.target();
                String joined = "f" + ++rendering.aliases[0];
                rendering
                        .joins
                        .append(" LEFT JOIN ")
                        .append(target.qualifiedTable())
                        .append(' ')
                        .append(joined)
                        .append(" ON ")
                        .append(joined)
                        .append('.')
                        .append(target.id().quotedColumn())
                        .append(" = ")
                        .append(alias)
                        .append('.')
                        .append(relation.foreignKey());
                int[] columns = new int[target.properties().size()];
                for (int i = 0; i < columns.length; i++) {
                    rendering
                            .columns
                            .append(", ")
                            .append(joined)
                            .append('.')
                            .append(target.properties().get(i).quotedColumn());
                    columns[i] = rendering.next++;
                }
                Level nested = embed(target, joined, child, rendering);
                embeds.add(new Joined(
                        relation,
                        child,
                        EntityReader.of(target, columns),
                        columns[target.id().index()],
                        nested));
                relations.add(entry.getKey());
            } else if (child.strategy() == FetchStrategy.JSON) {
                rendering.columns.append(", ").append(json(alias, relation, child, rendering.aliases));
                embeds.add(new Json(relation, child, rendering.next++));
                relations.add(entry.getKey());
            }
        }
        return new Level(List.copyOf(embeds), Set.copyOf(relations));
    }

    /** The select-in statement of a relation, with the to-ones and JSON aggregates its plan embeds. */
    private EmbeddingStatement selectIn(ResolvedRelation relation, FetchPlan plan) {
        return statements.computeIfAbsent(new StatementKey(relation, plan), key -> {
            EntityModel<?> target = relation.target();
            EntityReader<?> reader = targetReader(relation, plan);
            if (!embeds(target, plan)) {
                return new EmbeddingStatement(relation.loadSql(), new Level(List.of(), Set.of()), reader);
            }
            String sql = relation.loadSql();
            int first = target.properties().size()
                    + (relation.shape() == ResolvedRelation.Shape.JOIN_TABLE
                                    || (relation.shape() == ResolvedRelation.Shape.CHILD_FOREIGN_KEY
                                            && relation.childForeignKey() == null)
                            ? 2
                            : 1);
            Rendering rendering = new Rendering(first);
            Level level = embed(target, "t", plan, rendering);
            String from = " FROM " + target.qualifiedTable() + " t";
            int fromAt = sql.indexOf(from);
            int whereAt = sql.indexOf(" WHERE ", fromAt);
            String rendered = sql.substring(0, fromAt)
                    + rendering.columns
                    + sql.substring(fromAt, whereAt)
                    + rendering.joins
                    + sql.substring(whereAt);
            return new EmbeddingStatement(rendered, level, reader);
        });
    }

    /**
     * The reader of a select-in's target rows. Children loaded by their parent leave the back reference to it unread
     * ({@link EntityReader#without}): {@link #assign} sets it to the parent instance, so an id-only reference per
     * child would only be garbage; unless the plan loads that to-one itself, which reads the reference's id.
     */
    private static EntityReader<?> targetReader(ResolvedRelation relation, FetchPlan plan) {
        EntityModel<?> target = relation.target();
        RelationProperty backReference =
                relation.shape() == ResolvedRelation.Shape.CHILD_FOREIGN_KEY ? backReference(relation) : null;
        PropertyModel column = backReference == null ? null : backReference.column();
        if (column == null || plan.children().containsKey(backReference)) {
            return target.reader();
        }
        return target.reader().without(column);
    }

    /**
     * The correlated subquery aggregating {@code relation} of the row aliased {@code alias}: a {@code jsonb} array of
     * rows for a to-many, one row or {@code NULL} for a to-one; a row is an array of the target's column values as
     * text, then one value per relation its plan embeds.
     */
    private String json(String alias, ResolvedRelation relation, FetchPlan plan, int[] aliases) {
        EntityModel<?> target = relation.target();
        String row = "s" + ++aliases[0];
        String element = element(target, row, plan, aliases);
        String table = target.qualifiedTable() + " " + row;
        String sourceId = alias + "." + relation.source().id().quotedColumn();
        return switch (relation.shape()) {
            case TO_ONE ->
                "(SELECT " + element + " FROM " + table + " WHERE " + row + "."
                        + target.id().quotedColumn() + " = " + alias + "." + relation.foreignKey() + ")";
            case CHILD_FOREIGN_KEY ->
                relation.property().collectionType() == null
                        ? "(SELECT " + element + " FROM " + table + " WHERE " + row + "." + relation.foreignKey()
                                + " = " + sourceId + " LIMIT 1)"
                        : "(SELECT coalesce(jsonb_agg(" + element + " ORDER BY " + orderBy(relation, row)
                                + "), '[]'::jsonb) FROM " + table + " WHERE " + row + "." + relation.foreignKey()
                                + " = " + sourceId + ")";
            case JOIN_TABLE -> {
                String link = "j" + row;
                yield "(SELECT coalesce(jsonb_agg(" + element + " ORDER BY " + orderBy(relation, row)
                        + "), '[]'::jsonb) FROM " + table + " JOIN " + relation.joinTable() + " " + link + " ON "
                        + link + "." + relation.inverseColumn() + " = " + row + "."
                        + target.id().quotedColumn()
                        + " WHERE " + link + "." + relation.foreignKey() + " = " + sourceId + ")";
            }
        };
    }

    /** One row as a {@code jsonb} array (in chunks: a function takes at most 100 arguments). */
    private String element(EntityModel<?> model, String alias, FetchPlan plan, int[] aliases) {
        List<String> values = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            values.add(alias + "." + property.quotedColumn() + "::text");
        }
        for (Map.Entry<RelationProperty, FetchPlan> entry : JsonDecoder.embedded(plan)) {
            values.add(json(alias, resolver.resolve(model, entry.getKey()), entry.getValue(), aliases));
        }
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 100) {
            chunks.add("jsonb_build_array(" + String.join(", ", values.subList(i, Math.min(values.size(), i + 100)))
                    + ")");
        }
        return String.join(" || ", chunks);
    }

    /** The relation's {@code ORDER BY} (rendered for the alias {@code t}) for another alias. */
    private static String orderBy(ResolvedRelation relation, String alias) {
        List<String> terms = new ArrayList<>();
        for (String term : relation.orderBy().split(", ")) {
            terms.add(alias + term.substring(1));
        }
        return String.join(", ", terms);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** Rows read with what their statement embedded: per embed, one value per row. */
    private record Read<T>(List<T> rows, List<Object> data) {}

    /** What a {@link Joined} read: the target per row (or {@code null}), and what it embedded. */
    private record JoinedData(List<@Nullable Object> targets, List<Object> nested) {}

    private <T> Read<T> read(PreparedStatement statement, RowMapper<T> mapper, Level level) throws SQLException {
        return read(statement, mapper, level, 10);
    }

    private <T> Read<T> read(PreparedStatement statement, RowMapper<T> mapper, Level level, int expected)
            throws SQLException {
        List<T> rows = new ArrayList<>(expected);
        if (level.embeds().isEmpty()) {
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    rows.add(mapper.map(results));
                }
            }
            return new Read<>(rows, List.of());
        }
        List<List<@Nullable Object>> raw = new ArrayList<>();
        try (ResultSet results = statement.executeQuery()) {
            while (results.next()) {
                rows.add(mapper.map(results));
                List<@Nullable Object> values = new ArrayList<>();
                readEmbedded(results, level, values);
                raw.add(values);
            }
        }
        int[] position = {0};
        List<Object> data = collect(statement, level, raw, position);
        return new Read<>(rows, data);
    }

    /** Appends the row's embedded values in depth-first order: a joined target then its own embeds, or a JSON value. */
    private static void readEmbedded(ResultSet results, Level level, List<@Nullable Object> values)
            throws SQLException {
        for (Embed embed : level.embeds()) {
            if (embed instanceof Joined joined) {
                values.add(
                        results.getObject(joined.idColumn()) == null
                                ? null
                                : joined.reader().read(results));
                readEmbedded(results, joined.nested(), values);
            } else {
                values.add(JsonArrays.parse(results.getString(((Json) embed).column())));
            }
        }
    }

    /** Turns the per-row values into one data object per embed, decoding JSON while the statement is open. */
    private List<Object> collect(
            PreparedStatement statement, Level level, List<List<@Nullable Object>> raw, int[] position)
            throws SQLException {
        List<Object> data = new ArrayList<>();
        for (Embed embed : level.embeds()) {
            int at = position[0]++;
            List<@Nullable Object> values = new ArrayList<>(raw.size());
            for (List<@Nullable Object> row : raw) {
                values.add(row.get(at));
            }
            if (embed instanceof Joined joined) {
                data.add(new JoinedData(values, collect(statement, joined.nested(), raw, position)));
            } else {
                data.add(decoder.decode(statement, embed.relation(), embed.plan(), values, resolver));
            }
        }
        return data;
    }

    // ---- assembling -------------------------------------------------------------------------------------------

    /** Sets the embedded relations of {@code rows}, then loads the rest of the plan by select-in. */
    private <T> List<T> attach(EntityModel<T> model, List<T> rows, Level level, List<Object> data, FetchPlan plan) {
        List<T> current = rows;
        for (int k = 0; k < level.embeds().size(); k++) {
            Embed embed = level.embeds().get(k);
            if (embed instanceof Joined joined) {
                current = attachJoined(model, current, joined, (JoinedData) data.get(k));
            } else {
                List<@Nullable Object> perRow = new ArrayList<>(current.size());
                for (int i = 0; i < current.size(); i++) {
                    perRow.add(i);
                }
                current = attachJson(
                        model, current, embed.relation(), embed.plan(), (JsonDecoder.Decoded) data.get(k), perRow);
            }
        }
        return load(model, current, plan, level.relations());
    }

    private <T, R> List<T> attachJoined(EntityModel<T> model, List<T> rows, Joined joined, JoinedData data) {
        @SuppressWarnings("unchecked")
        EntityModel<R> target = (EntityModel<R>) joined.relation().target();
        // Rows referring to the same target share one instance: the first read.
        Map<Object, Integer> index = new LinkedHashMap<>();
        List<R> unique = new ArrayList<>();
        List<Integer> firstRow = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object value = data.targets().get(i);
            if (value != null) {
                @SuppressWarnings("unchecked")
                R entity = (R) value;
                Object id = target.id().get(entity);
                if (!index.containsKey(id)) {
                    index.put(id, unique.size());
                    unique.add(entity);
                    firstRow.add(i);
                }
            }
        }
        List<Object> nested = new ArrayList<>();
        for (Object item : data.nested()) {
            nested.add(select(item, firstRow));
        }
        List<R> loaded = attach(target, unique, joined.nested(), nested, joined.plan());
        List<T> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            Object value = data.targets().get(i);
            if (value == null) {
                result.add(row);
            } else {
                @SuppressWarnings("unchecked")
                R entity = (R) value;
                int at = java.util.Objects.requireNonNull(index.get(target.id().get(entity)), "a joined target");
                result.add(model.withRelation(row, joined.relation().property(), loaded.get(at)));
            }
        }
        return result;
    }

    /** The data of a joined level's embeds, narrowed to the rows {@code picked}. */
    private static Object select(Object data, List<Integer> picked) {
        if (data instanceof JoinedData joined) {
            List<@Nullable Object> targets = new ArrayList<>();
            for (int i : picked) {
                targets.add(joined.targets().get(i));
            }
            List<Object> nested = new ArrayList<>();
            for (Object item : joined.nested()) {
                nested.add(select(item, picked));
            }
            return new JoinedData(targets, nested);
        }
        return ((JsonDecoder.Decoded) data).narrow(picked);
    }

    /**
     * Sets a JSON-loaded relation: {@code perRow} holds, for each row, the index of its value in {@code decoded} (or
     * {@code null}: nothing).
     */
    private <T, R> List<T> attachJson(
            EntityModel<T> model,
            List<T> rows,
            ResolvedRelation relation,
            FetchPlan plan,
            JsonDecoder.Decoded decoded,
            List<@Nullable Object> perRow) {
        @SuppressWarnings("unchecked")
        EntityModel<R> target = (EntityModel<R>) relation.target();
        List<R> children = attachDecoded(target, decoded, plan);
        List<List<R>> groups = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object value = perRow.get(i);
            List<R> group = new ArrayList<>();
            if (value != null) {
                for (int c : decoded.childrenOf((Integer) value)) {
                    group.add(children.get(c));
                }
            }
            groups.add(group);
        }
        if (relation.shape() == ResolvedRelation.Shape.TO_ONE) {
            List<T> result = new ArrayList<>(rows.size());
            Map<Object, R> shared = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                List<R> group = groups.get(i);
                if (group.isEmpty()) {
                    result.add(rows.get(i));
                } else {
                    R one = shared.computeIfAbsent(target.id().get(group.get(0)), id -> group.get(0));
                    result.add(model.withRelation(rows.get(i), relation.property(), one));
                }
            }
            return result;
        }
        return assign(model, relation, rows, groups);
    }

    /** The decoded children with their own JSON relations set and the rest of their plan loaded. */
    private <R> List<R> attachDecoded(EntityModel<R> target, JsonDecoder.Decoded decoded, FetchPlan plan) {
        @SuppressWarnings("unchecked")
        List<R> current = (List<R>) decoded.rows();
        Set<RelationProperty> done = new HashSet<>();
        int k = 0;
        for (Map.Entry<RelationProperty, FetchPlan> entry : JsonDecoder.embedded(plan)) {
            ResolvedRelation relation = resolver.resolve(target, entry.getKey());
            JsonDecoder.Decoded nested = decoded.nested().get(k++);
            List<@Nullable Object> perRow = new ArrayList<>(current.size());
            for (int i = 0; i < current.size(); i++) {
                perRow.add(i);
            }
            current = attachJson(target, current, relation, entry.getValue(), nested, perRow);
            done.add(entry.getKey());
        }
        return current.isEmpty() ? current : load(target, current, plan, done);
    }

    // ---- lazy loading -----------------------------------------------------------------------------------------

    private <T> List<T> installLazy(EntityModel<T> model, RelationProperty property, List<T> rows) {
        ResolvedRelation relation = resolver.resolve(model, property);
        LazyGroup<T> group = new LazyGroup<>(model, relation);
        List<T> result = new ArrayList<>(rows.size());
        for (T row : rows) {
            Collection<?> lazy = property.collectionType() == Set.class
                    ? new LazyCollections.LazySet<>(group)
                    : new LazyCollections.LazyList<>(group);
            result.add(model.withRelation(row, property, lazy));
            group.collections.add((LazyCollections.Lazy) lazy);
        }
        group.parents.addAll(result);
        return result;
    }

    /** The rows of one result whose lazy collections of one relation load together, in the transaction that read them. */
    private final class LazyGroup<T> implements LazyCollections.Group {

        private final EntityModel<T> model;
        private final ResolvedRelation relation;
        private final List<T> parents = new ArrayList<>();
        private final List<LazyCollections.Lazy> collections = new ArrayList<>();
        private volatile boolean open;

        LazyGroup(EntityModel<T> model, ResolvedRelation relation) {
            this.model = model;
            this.relation = relation;
            if (TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.isActualTransactionActive()) {
                open = true;
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        open = false;
                    }
                });
            }
        }

        @Override
        public synchronized void load() {
            if (!collections.isEmpty() && collections.get(0).isLoaded()) {
                return;
            }
            String name = relation.property().name();
            if (!open) {
                String entity = model.type().getSimpleName();
                throw new InvalidDataAccessApiUsageException(relation.name() + " was not fetched; add .fetch("
                        + entity + "_." + name + ") or @Fetch(\"" + name + "\") (lazy loading works only inside the"
                        + " transaction that read the " + entity + ")");
            }
            FetchPlan plan = plan(model.type(), List.of("select_in:" + name)).only(relation.property());
            List<T> loaded = RelationLoader.this.load(model, new ArrayList<>(parents), plan, Set.of());
            for (int i = 0; i < parents.size(); i++) {
                Collection<?> value = (Collection<?>) relation.property().get(loaded.get(i));
                collections.get(i).fill(java.util.Objects.requireNonNull(value, "a loaded collection"));
                if (!model.isRecord()) {
                    relation.property().set(parents.get(i), collections.get(i));
                }
            }
        }
    }

    /** The child's to-one back to a mutable parent, set to the loaded parent instance (records cannot be cyclic). */
    private static @Nullable RelationProperty backReference(ResolvedRelation relation) {
        PropertyModel childKey = relation.childForeignKey();
        if (childKey == null
                || relation.source().isRecord()
                || relation.target().isRecord()) {
            return null;
        }
        for (RelationProperty candidate : relation.target().relations()) {
            if (candidate.column() == childKey) {
                return candidate;
            }
        }
        return null;
    }
}
