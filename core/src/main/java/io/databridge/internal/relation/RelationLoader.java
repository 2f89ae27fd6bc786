package io.databridge.internal.relation;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Loads a fetch plan for rows already read, by select-in: one statement per relation per level, whatever the number of
 * rows ({@code WHERE fk = ANY(?)} with the ids of the whole level). Children are assembled bottom-up, so records work:
 * a record whose relation is loaded is rebuilt with it. Thread-safe; one per engine.
 */
public final class RelationLoader {

    private final RelationResolver resolver;
    private final JdbcExecutor executor;
    private final Map<Class<?>, Map<List<String>, FetchPlan>> plans = new ConcurrentHashMap<>();

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
     * Loads the relations named by {@code paths} into {@code rows}.
     *
     * @param type the root entity
     * @param rows the roots, as read
     * @param paths the relation paths, e.g. {@code "pets"}, {@code "pets.visits"}
     * @param <T> the root type
     * @return the roots with their relations loaded: the same instances for classes, new ones for records
     */
    public <T> List<T> load(Class<T> type, List<T> rows, List<String> paths) {
        if (rows.isEmpty()) {
            resolver.validate(type);
        }
        FetchPlan plan = plan(type, paths);
        if (rows.isEmpty() || plan.isEmpty()) {
            return rows;
        }
        return load(resolver.models().get(type), new ArrayList<>(rows), plan);
    }

    private FetchPlan plan(Class<?> type, List<String> paths) {
        return plans.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        List.copyOf(paths), p -> FetchPlan.of(resolver.models().get(type), p, resolver));
    }

    private <T> List<T> load(EntityModel<T> model, List<T> rows, FetchPlan plan) {
        List<T> current = rows;
        for (Map.Entry<RelationProperty, FetchPlan> entry : plan.children().entrySet()) {
            ResolvedRelation relation = resolver.resolve(model, entry.getKey());
            current = relation.shape() == ResolvedRelation.Shape.TO_ONE
                    ? loadToOne(model, relation, current, entry.getValue())
                    : loadByParent(model, relation, current, entry.getValue());
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
        List<R> loaded = executor.execute("fetch " + relation.name(), relation.loadSql(), statement -> {
            IdArrays.bind(statement, 1, targetId, ids);
            List<R> result = new ArrayList<>(ids.size());
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    result.add(target.reader().read(results));
                }
            }
            return result;
        });
        loaded = load(target, loaded, plan);
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
        Set<Object> ids = new LinkedHashSet<>();
        for (T row : rows) {
            Object id = sourceId.get(row);
            if (id != null) {
                ids.add(id);
            }
        }
        PropertyModel childKey = relation.childForeignKey();
        int keyColumn = childKey == null ? target.properties().size() + 1 : childKey.index() + 1;
        List<R> children = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        if (!ids.isEmpty()) {
            executor.execute("fetch " + relation.name(), relation.loadSql(), statement -> {
                IdArrays.bind(statement, 1, sourceId, ids);
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        children.add(target.reader().read(results));
                        keys.add(sourceId.codec().read(results, keyColumn));
                    }
                }
                return null;
            });
        }
        List<R> loaded = load(target, children, plan);
        Map<Object, List<R>> byParent = new HashMap<>();
        for (int i = 0; i < loaded.size(); i++) {
            byParent.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(loaded.get(i));
        }
        RelationProperty property = relation.property();
        RelationProperty backReference = backReference(relation);
        List<T> result = new ArrayList<>(rows.size());
        for (T row : rows) {
            List<R> group = byParent.getOrDefault(sourceId.get(row), List.of());
            if (backReference != null) {
                for (R child : group) {
                    backReference.set(child, row);
                }
            }
            result.add(model.withRelation(row, property, value(property, target, group)));
        }
        return result;
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

    private <R> @Nullable Object value(RelationProperty property, EntityModel<R> target, List<R> group) {
        if (property.collectionType() == null) {
            return group.isEmpty() ? null : group.get(0);
        }
        return LoadedCollections.of(resolver, property, target, group);
    }
}
