package io.databridge.internal.relation;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The relations the queries of one root type loaded at their roots while a repository method annotated {@code @Fetch}
 * ran, so that the method's own fetch afterwards does not load them a second time (a derived query loads its entity's
 * default plan, by JOIN where declared; {@code @Fetch} then adds only its paths). What every such query loaded, not
 * what one of them did. One per thread while open; not thread-safe.
 */
public final class LoadedRoots implements AutoCloseable {

    private static final ThreadLocal<@Nullable LoadedRoots> CURRENT = new ThreadLocal<>();

    private final Class<?> type;
    private final @Nullable LoadedRoots outer;
    private @Nullable Set<String> names;

    private LoadedRoots(Class<?> type, @Nullable LoadedRoots outer) {
        this.type = type;
        this.outer = outer;
    }

    /**
     * Starts noting the root relations loaded for queries of {@code type} on this thread, until {@link #close}.
     *
     * @param type the root entity
     * @return the notes
     */
    public static LoadedRoots open(Class<?> type) {
        LoadedRoots roots = new LoadedRoots(type, CURRENT.get());
        CURRENT.set(roots);
        return roots;
    }

    /** Notes the root relations of a plan that a query (or a load) of {@code type} applied. */
    static void note(Class<?> type, FetchPlan plan) {
        LoadedRoots roots = CURRENT.get();
        if (roots == null || roots.type != type) {
            return;
        }
        Set<String> loaded = new HashSet<>();
        plan.children().keySet().forEach(relation -> loaded.add(relation.name()));
        Set<String> names = roots.names;
        if (names == null) {
            roots.names = loaded;
        } else {
            names.retainAll(loaded);
        }
    }

    /**
     * The relations every noted query loaded at its roots.
     *
     * @return the relation names; empty when no query of the type ran
     */
    public Set<String> names() {
        Set<String> loaded = names;
        return loaded == null ? Set.of() : Set.copyOf(loaded);
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
