package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.relation.LoadedRoots;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;

/**
 * A repository method annotated {@link Fetch}: runs the method, then loads the named relations for all its results at
 * once (one statement per relation per level). A page keeps its total, which counts roots. Checked once at startup.
 * Immutable and thread-safe.
 */
final class FetchingInvoker<T> implements MethodInvoker {

    private final DataBridge db;
    private final Class<T> type;
    private final String[] paths;
    private final MethodInvoker target;

    /** Whether the method is one query (CRUD, derived, {@code @Query}) whose loaded root relations are kept. */
    private final boolean query;

    /** The root relations the paths name (fetch or strategy), e.g. {@code pets} of {@code "JSON:pets.visits"}. */
    private final Set<String> named;

    private FetchingInvoker(DataBridge db, Class<T> type, String[] paths, MethodInvoker target, boolean query) {
        this.db = db;
        this.type = type;
        this.paths = paths.clone();
        this.target = target;
        this.query = query;
        Set<String> roots = new HashSet<>();
        for (String path : paths) {
            if (!path.startsWith("!")) {
                String relation = path.substring(path.indexOf(':') + 1);
                int dot = relation.indexOf('.');
                roots.add(dot < 0 ? relation : relation.substring(0, dot));
            }
        }
        this.named = Set.copyOf(roots);
    }

    static <T> MethodInvoker of(
            Class<?> repository,
            Method method,
            Fetch fetch,
            DataBridge db,
            EntityModel<T> model,
            MethodInvoker target,
            boolean query) {
        Class<?> returned = method.getReturnType();
        ResolvableType returnType = ResolvableType.forMethodReturnType(method, repository);
        Class<?> element =
                returned == model.type() ? returned : returnType.getGeneric(0).resolve();
        boolean container = Optional.class == returned
                || List.class == returned
                || Collection.class == returned
                || Iterable.class == returned
                || Page.class == returned
                || Slice.class == returned;
        if (returned != model.type() && (!container || element != model.type())) {
            throw new RepositoryDefinitionException(
                    repository,
                    method,
                    "@Fetch loads relations of " + model.type().getSimpleName() + ", so the method must return "
                            + model.type().getSimpleName() + ", Optional, List, Collection, Iterable, Page or Slice of"
                            + " it");
        }
        if (fetch.strategy().length > 1) {
            throw new RepositoryDefinitionException(
                    repository, method, "@Fetch takes at most one strategy, applied to all its paths");
        }
        String[] paths = paths(fetch);
        try {
            db.fetch(model.type(), List.of(), paths);
        } catch (IllegalArgumentException ex) {
            throw new RepositoryDefinitionException(
                    repository, method, java.util.Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
        }
        return new FetchingInvoker<>(db, model.type(), paths, target, query);
    }

    /** The paths in the loader's form: {@code "JSON:pets"} with a strategy, {@code "!type"} for an exclusion. */
    private static String[] paths(Fetch fetch) {
        List<String> paths = new ArrayList<>();
        String prefix = fetch.strategy().length == 0 ? "" : fetch.strategy()[0].name() + ":";
        for (String path : fetch.value()) {
            paths.add(prefix + path);
        }
        for (String path : fetch.exclude()) {
            paths.add("!" + path);
        }
        return paths.toArray(new String[0]);
    }

    @Override
    public @Nullable Object invoke(Object proxy, @Nullable Object[] args) throws Throwable {
        if (!query) {
            return load(target.invoke(proxy, args), paths);
        }
        Object result;
        Set<String> loaded;
        try (LoadedRoots roots = LoadedRoots.open(type)) {
            result = target.invoke(proxy, args);
            loaded = roots.names();
        }
        return load(result, withoutLoaded(loaded));
    }

    /**
     * The paths plus an exclusion of every root relation the query loaded already (its default plan) that no path
     * names, so that relation is not loaded again.
     */
    private String[] withoutLoaded(Set<String> loaded) {
        if (loaded.isEmpty()) {
            return paths;
        }
        List<String> effective = new ArrayList<>(List.of(paths));
        for (String name : loaded) {
            if (!named.contains(name)) { // a named one is loaded again, with what its path adds below it
                effective.add("!" + name);
            }
        }
        return effective.toArray(new String[0]);
    }

    private @Nullable Object load(@Nullable Object result, String[] paths) {
        if (result == null) {
            return null;
        }
        if (type.isInstance(result)) {
            return fetch(List.of(type.cast(result)), paths).get(0);
        }
        if (result instanceof Optional<?> optional) {
            return optional.map(value -> fetch(List.of(type.cast(value)), paths).get(0));
        }
        if (result instanceof Page<?> page) {
            return new PageImpl<>(fetch(cast(page.getContent()), paths), page.getPageable(), page.getTotalElements());
        }
        if (result instanceof Slice<?> slice) {
            return new SliceImpl<>(fetch(cast(slice.getContent()), paths), slice.getPageable(), slice.hasNext());
        }
        List<T> rows = new ArrayList<>();
        for (Object row : (Iterable<?>) result) {
            rows.add(type.cast(row));
        }
        return fetch(rows, paths);
    }

    private List<T> cast(List<?> rows) {
        List<T> list = new ArrayList<>(rows.size());
        for (Object row : rows) {
            list.add(type.cast(row));
        }
        return list;
    }

    private List<T> fetch(List<T> rows, String[] paths) {
        return db.fetch(type, rows, paths);
    }
}
