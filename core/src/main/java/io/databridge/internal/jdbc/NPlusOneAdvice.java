package io.databridge.internal.jdbc;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.RelationProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Names the fix for an N+1 the {@link NPlusOneDetector} found, from the task of the repeated statement and the
 * relations of the entities the engine has mapped so far: {@code find Customer} repeated while orders refer to
 * customers reads {@code add .fetch(PurchaseOrder_.customer) or @Fetch("customer") where the PurchaseOrders are read}.
 * Runs only when a detection is logged. Thread-safe.
 */
public final class NPlusOneAdvice implements UnaryOperator<String> {

    private static final int MAX_SUGGESTIONS = 3;

    private final EntityModels models;

    /**
     * Creates the advice over an engine's models.
     *
     * @param models the entity models, read when advice is asked for
     */
    public NPlusOneAdvice(EntityModels models) {
        this.models = models;
    }

    @Override
    public String apply(String task) {
        if (task.startsWith("fetch ")) {
            // One root at a time had its relation loaded: e.g. findById(Pet, id, "visits") in a loop over pets.
            String path = task.substring("fetch ".length());
            int dot = path.indexOf('.');
            if (dot > 0) {
                String entity = path.substring(0, dot);
                String relation = path.substring(dot + 1);
                return fetches(entity, ", " + entity + "_." + relation, "." + relation, target(entity, relation))
                        .orElse("load the " + entity + "s in one query with .fetch(" + entity + "_." + relation
                                + ") instead of one at a time");
            }
        }
        int space = task.indexOf(' ');
        if ((task.startsWith("find ") || task.startsWith("query ")) && space > 0) {
            String entity = task.substring(space + 1);
            return fetches(entity, "", "", null)
                    .orElse("read the " + entity + "s in one query (findAllById, or a condition with in(...))"
                            + " instead of one per row");
        }
        return "run it once for all rows (a condition with in(...) or = ANY(?)) instead of once per row";
    }

    /** The target of {@code entity.relation} among the mapped entities, if known. */
    private @Nullable Class<?> target(String entity, String relation) {
        for (EntityModel<?> model : models.loaded()) {
            if (model.type().getSimpleName().equals(entity)) {
                for (RelationProperty property : model.relations()) {
                    if (property.name().equals(relation)) {
                        return property.target();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The fetches of every mapped relation to {@code entity} (but from {@code skip}: the back-reference of a nested
     * relation would fetch in a circle), or empty when no mapped relation reaches it.
     */
    private Optional<String> fetches(String entity, String nestedColumn, String nestedPath, @Nullable Class<?> skip) {
        List<String> fixes = new ArrayList<>();
        for (EntityModel<?> model : models.loaded()) {
            if (model.type() == skip) {
                continue;
            }
            for (RelationProperty relation : model.relations()) {
                if (relation.target().getSimpleName().equals(entity)) {
                    String owner = model.type().getSimpleName();
                    fixes.add("add .fetch(" + owner + "_." + relation.name() + nestedColumn + ") or @Fetch(\""
                            + relation.name() + nestedPath + "\") where the " + owner + "s are read");
                }
            }
        }
        // Sorted: the models are cached in no particular order, and a log line should not change between runs.
        return fixes.isEmpty()
                ? Optional.empty()
                : Optional.of(String.join(
                        "; or ", fixes.stream().sorted().limit(MAX_SUGGESTIONS).toList()));
    }
}
