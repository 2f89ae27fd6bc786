package io.databridge.internal.relation;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.RelationProperty;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree of relations to load, parsed from property paths ({@code "pets"}, {@code "pets.visits"}; a nested path
 * implies its prefix) and checked against the models once. Immutable and thread-safe.
 */
final class FetchPlan {

    private final Map<RelationProperty, FetchPlan> children;

    private FetchPlan(Map<RelationProperty, FetchPlan> children) {
        this.children = children;
    }

    /** The relations to load at this level, each with the plan for its targets. */
    Map<RelationProperty, FetchPlan> children() {
        return children;
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    /**
     * Parses and validates paths.
     *
     * @throws IllegalArgumentException naming the path segment that is not a relation, with a hint
     */
    static FetchPlan of(EntityModel<?> root, Collection<String> paths, RelationResolver resolver) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException(
                        "A fetch path must name a relation, e.g. \"pets\" or" + " \"pets.visits\", but was blank");
            }
            Map<String, Object> level = tree;
            for (String segment : path.split("\\.", -1)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next =
                        (Map<String, Object>) level.computeIfAbsent(segment.trim(), k -> new LinkedHashMap<>());
                level = next;
            }
        }
        return build(root, tree, "", resolver);
    }

    private static FetchPlan build(
            EntityModel<?> model, Map<String, Object> tree, String prefix, RelationResolver resolver) {
        Map<RelationProperty, FetchPlan> children = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            String name = entry.getKey();
            RelationProperty relation = model.relation(name)
                    .orElseThrow(() -> new IllegalArgumentException("Cannot fetch \"" + prefix + name + "\": "
                            + model.type().getSimpleName() + " has no relation '"
                            + name + "'; its relations are "
                            + model.relations().stream()
                                    .map(RelationProperty::name)
                                    .toList()));
            ResolvedRelation resolved = resolver.resolve(model, relation);
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) entry.getValue();
            children.put(relation, build(resolved.target(), next, prefix + name + ".", resolver));
        }
        return new FetchPlan(children);
    }

    /** The plan as paths, for messages and tests. */
    List<String> paths() {
        List<String> paths = new java.util.ArrayList<>();
        children.forEach((relation, plan) -> {
            paths.add(relation.name());
            plan.paths().forEach(p -> paths.add(relation.name() + "." + p));
        });
        return paths;
    }
}
