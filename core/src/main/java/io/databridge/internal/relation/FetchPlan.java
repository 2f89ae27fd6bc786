package io.databridge.internal.relation;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.RelationProperty;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.FetchStrategy;
import io.databridge.mapping.Loading;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tree of relations to load, each with its strategy, parsed from property paths and checked against the models
 * once. A path is {@code "pets"} or {@code "pets.visits"} (a nested path implies its prefix), optionally prefixed with a
 * strategy ({@code "json:pets.visits"}: every relation of the path; {@code "join:"} only its to-ones) or with {@code
 * "!"} to leave a relation of the default plan out ({@code "!pets.type"}). The relations marked {@code @Loading(always
 * = true)} are added at every level unless left out, stopping where a default would come back to an entity already
 * above it. Immutable and thread-safe.
 */
final class FetchPlan {

    private final FetchStrategy strategy;
    private final Map<RelationProperty, FetchPlan> children;
    private final List<RelationProperty> lazy;

    private FetchPlan(FetchStrategy strategy, Map<RelationProperty, FetchPlan> children, List<RelationProperty> lazy) {
        this.strategy = strategy;
        this.children = children;
        this.lazy = lazy;
    }

    /** How the relation leading to this level is loaded ({@link FetchStrategy#SELECT_IN} for the roots). */
    FetchStrategy strategy() {
        return strategy;
    }

    /** The relations to load at this level, each with the plan for its targets. */
    Map<RelationProperty, FetchPlan> children() {
        return children;
    }

    /** The to-many relations of this level that are not loaded but may be loaded lazily. */
    List<RelationProperty> lazy() {
        return lazy;
    }

    boolean isEmpty() {
        return children.isEmpty() && lazy.isEmpty();
    }

    /** A plan of one relation only, for loading it lazily. */
    FetchPlan only(RelationProperty relation) {
        FetchPlan child = children.get(relation);
        return new FetchPlan(
                strategy,
                child == null ? Map.of() : Map.of(relation, child.withStrategy(FetchStrategy.SELECT_IN)),
                List.of());
    }

    private FetchPlan withStrategy(FetchStrategy other) {
        return new FetchPlan(other, children, lazy);
    }

    /** A node of the parsed paths, before the models are consulted. */
    private static final class Node {
        @Nullable
        FetchStrategy explicit;

        @Nullable
        FetchStrategy explicitNotJoin;

        boolean included;
        boolean excluded;
        final Map<String, Node> children = new LinkedHashMap<>();
    }

    /**
     * Parses and validates paths.
     *
     * @throws IllegalArgumentException naming the path segment that is not a relation, with a hint
     */
    static FetchPlan of(EntityModel<?> root, Collection<String> paths, RelationResolver resolver) {
        Node tree = new Node();
        for (String entry : paths) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException(
                        "A fetch path must name a relation, e.g. \"pets\" or" + " \"pets.visits\", but was blank");
            }
            String path = entry.trim();
            boolean exclude = path.startsWith("!");
            FetchStrategy strategy = null;
            if (exclude) {
                path = path.substring(1);
            } else {
                int colon = path.indexOf(':');
                if (colon >= 0) {
                    strategy = strategy(path.substring(0, colon).trim(), entry);
                    path = path.substring(colon + 1).trim();
                }
            }
            Node level = tree;
            String[] segments = path.split("\\.", -1);
            for (int i = 0; i < segments.length; i++) {
                level = level.children.computeIfAbsent(segments[i].trim(), k -> new Node());
                if (exclude) {
                    level.excluded |= i == segments.length - 1;
                } else {
                    level.included = true;
                    if (strategy != null) {
                        level.explicit = strategy;
                        if (strategy != FetchStrategy.JOIN) {
                            level.explicitNotJoin = strategy;
                        }
                    }
                }
            }
        }
        return build(root, tree, "", resolver, FetchStrategy.SELECT_IN, new HashSet<>());
    }

    private static FetchStrategy strategy(String name, String path) {
        for (FetchStrategy strategy : FetchStrategy.values()) {
            if (strategy.name().equals(name.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("Cannot fetch \"" + path + "\": '" + name + "' is not a fetch strategy; use "
                + "one of select_in, join, json, e.g. \"json:pets\"");
    }

    private static FetchPlan build(
            EntityModel<?> model,
            Node tree,
            String prefix,
            RelationResolver resolver,
            FetchStrategy strategy,
            Set<Class<?>> ancestors) {
        Map<RelationProperty, FetchPlan> children = new LinkedHashMap<>();
        Set<Class<?>> below = new HashSet<>(ancestors);
        below.add(model.type());
        for (Map.Entry<String, Node> entry : tree.children.entrySet()) {
            String name = entry.getKey();
            RelationProperty relation = model.relation(name)
                    .orElseThrow(() -> new IllegalArgumentException("Cannot fetch \"" + prefix + name + "\": "
                            + model.type().getSimpleName() + " has no relation '"
                            + name + "'; its relations are "
                            + model.relations().stream()
                                    .map(RelationProperty::name)
                                    .toList()));
            Node node = entry.getValue();
            ResolvedRelation resolved = resolver.resolve(model, relation);
            FetchStrategy declared = declared(resolved);
            if (node.excluded || !node.included) {
                continue;
            }
            FetchStrategy chosen =
                    resolved.shape() == ResolvedRelation.Shape.TO_ONE ? node.explicit : node.explicitNotJoin;
            children.put(
                    relation,
                    build(
                            resolved.target(),
                            node,
                            prefix + name + ".",
                            resolver,
                            usable(resolved, chosen == null ? declared : chosen),
                            below));
        }
        List<RelationProperty> lazy = new ArrayList<>();
        for (RelationProperty relation : model.relations()) {
            Loading loading = relation.element().getAnnotation(Loading.class);
            if (loading == null || children.containsKey(relation)) {
                continue;
            }
            ResolvedRelation resolved = resolver.resolve(model, relation);
            FetchStrategy declared = declared(resolved);
            Node node = tree.children.get(relation.name());
            if (loading.always() && !ancestors.contains(relation.target()) && (node == null || !node.excluded)) {
                children.put(
                        relation,
                        build(
                                resolved.target(),
                                node == null ? new Node() : node,
                                prefix + relation.name() + ".",
                                resolver,
                                usable(resolved, declared),
                                below));
            } else if (loading.lazy()) {
                lazy.add(relation);
            }
        }
        return new FetchPlan(strategy, children, List.copyOf(lazy));
    }

    /** The relation's own strategy, checked: JOIN is for to-ones, lazy for to-manys. */
    private static FetchStrategy declared(ResolvedRelation relation) {
        Loading loading = relation.property().element().getAnnotation(Loading.class);
        if (loading == null) {
            return FetchStrategy.SELECT_IN;
        }
        if (loading.strategy() == FetchStrategy.JOIN && relation.shape() != ResolvedRelation.Shape.TO_ONE) {
            throw new EntityMappingException("Cannot map " + relation.name() + ": @Loading(strategy = JOIN) reads a"
                    + " to-one (@ManyToOne, owning @OneToOne) in the statement of the rows that refer to it; use"
                    + " SELECT_IN or JSON here");
        }
        if (loading.lazy() && relation.property().collectionType() == null) {
            throw new EntityMappingException("Cannot map " + relation.name() + ": @Loading(lazy = true) applies to a"
                    + " to-many collection; an unfetched to-one already holds a reference with its id");
        }
        if (loading.lazy() && loading.always()) {
            throw new EntityMappingException("Cannot map " + relation.name() + ": @Loading(always = true) loads it with"
                    + " every query, so lazy = true has nothing left to load; keep one of them");
        }
        return loading.strategy();
    }

    /** JOIN applies to a to-one with a column only; an inverse to-one fetched by JOIN is read by select-in. */
    private static FetchStrategy usable(ResolvedRelation relation, FetchStrategy strategy) {
        return strategy == FetchStrategy.JOIN && relation.shape() != ResolvedRelation.Shape.TO_ONE
                ? FetchStrategy.SELECT_IN
                : strategy;
    }

    /** The plan as paths, for messages and tests. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        children.forEach((relation, plan) -> {
            paths.add(relation.name());
            plan.paths().forEach(p -> paths.add(relation.name() + "." + p));
        });
        return paths;
    }
}
