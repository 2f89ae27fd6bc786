package io.databridge.internal.relation;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The collections a fetch or a save puts into a to-many relation: plain {@code ArrayList}/{@code LinkedHashSet} that
 * also remember each element's column values as loaded, so saving the parent updates only the children that changed.
 * Users may replace them with any collection; the snapshot is then simply absent and every existing child is updated.
 */
final class LoadedCollections {

    private LoadedCollections() {}

    /** Implemented by both collections. */
    interface Snapshot {
        /** The values of the element with this id as loaded, or {@code null}. */
        Object @Nullable [] loaded(Object id);

        /** The ids of the elements as loaded. */
        Set<Object> loadedIds();
    }

    static final class LoadedList<E> extends ArrayList<E> implements Snapshot {
        private static final long serialVersionUID = 1L;
        private final transient Loaded snapshot;

        LoadedList(Collection<E> elements, Loaded snapshot) {
            super(elements);
            this.snapshot = snapshot;
        }

        @Override
        public Object @Nullable [] loaded(Object id) {
            return snapshot.byId().get(id);
        }

        @Override
        public Set<Object> loadedIds() {
            return snapshot.byId().keySet();
        }
    }

    static final class LoadedSet<E> extends LinkedHashSet<E> implements Snapshot {
        private static final long serialVersionUID = 1L;
        private final transient Loaded snapshot;

        LoadedSet(Collection<E> elements, Loaded snapshot) {
            super(elements);
            this.snapshot = snapshot;
        }

        @Override
        public Object @Nullable [] loaded(Object id) {
            return snapshot.byId().get(id);
        }

        @Override
        public Set<Object> loadedIds() {
            return snapshot.byId().keySet();
        }
    }

    /**
     * The elements' ids and values as loaded, indexed by id only when a save first asks: a load reads many collections
     * that are never saved.
     */
    static final class Loaded {
        private final Object[] ids;
        private final Object[][] values;
        private final int size;
        private @Nullable Map<Object, Object[]> byId;

        Loaded(Object[] ids, Object[][] values, int size) {
            this.ids = ids;
            this.values = values;
            this.size = size;
        }

        synchronized Map<Object, Object[]> byId() {
            Map<Object, Object[]> index = byId;
            if (index == null) {
                index = new HashMap<>(size * 4 / 3 + 1);
                for (int i = 0; i < size; i++) {
                    index.put(ids[i], values[i]);
                }
                byId = index;
            }
            return index;
        }
    }

    /** A collection of the relation's type holding {@code elements}, with their values remembered. */
    static <E> Collection<E> of(
            RelationResolver resolver, RelationProperty relation, EntityModel<E> model, Collection<E> elements) {
        return of(Shape.of(resolver, model), relation, elements, -1, null);
    }

    /**
     * A collection of the relation's type holding {@code elements}, with their values remembered.
     *
     * @param shape the elements' shape, computed once for all the collections of one relation
     * @param known the index of a reference column whose id the caller already holds (the parent the elements' back
     *     reference was just set to), or -1
     * @param knownId that id
     */
    static <E> Collection<E> of(
            Shape<E> shape, RelationProperty relation, Collection<E> elements, int known, @Nullable Object knownId) {
        Object[] ids = new Object[elements.size()];
        Object[][] values = new Object[ids.length][];
        EntityModel<E> model = shape.model;
        PropertyModel idProperty = model.id();
        int idColumn = shape.idColumn;
        int size = 0;
        for (E element : elements) {
            Object[] row = shape.values(element, known, knownId);
            Object id = idColumn >= 0 ? row[idColumn] : idProperty.get(element);
            if (id != null) {
                ids[size] = id;
                values[size++] = row;
            }
        }
        Loaded snapshot = new Loaded(ids, values, size);
        return relation.collectionType() == Set.class
                ? new LoadedSet<>(elements, snapshot)
                : new LoadedList<>(elements, snapshot);
    }

    /**
     * What taking an element's snapshot needs of its entity, resolved once rather than per element: where the id is
     * among the values, and the reference columns with the id property of what they refer to.
     */
    static final class Shape<E> {
        private final EntityModel<E> model;
        private final int idColumn;
        private final int[] references;
        private final PropertyModel[] referencedIds;

        private Shape(EntityModel<E> model, int idColumn, int[] references, PropertyModel[] referencedIds) {
            this.model = model;
            this.idColumn = idColumn;
            this.references = references;
            this.referencedIds = referencedIds;
        }

        static <E> Shape<E> of(RelationResolver resolver, EntityModel<E> model) {
            List<RelationProperty> relations = model.relations();
            int[] references = new int[relations.size()];
            PropertyModel[] referencedIds = new PropertyModel[relations.size()];
            int count = 0;
            for (RelationProperty relation : relations) {
                PropertyModel column = relation.column();
                if (column != null) {
                    references[count] = column.index();
                    referencedIds[count++] =
                            resolver.resolve(model, relation).target().id();
                }
            }
            return new Shape<>(
                    model, idColumn(model), Arrays.copyOf(references, count), Arrays.copyOf(referencedIds, count));
        }

        /** The column values, with references as the ids they stand for. */
        Object[] values(E element, int known, @Nullable Object knownId) {
            Object[] values = model.values(element);
            for (int i = 0; i < references.length; i++) {
                int index = references[i];
                Object referenced = values[index];
                if (referenced != null) {
                    values[index] = index == known ? knownId : referencedIds[i].get(referenced);
                }
            }
            return values;
        }
    }

    /**
     * Where the id is among the snapshot's values: a plain column's index; -1 for a composite id or one that is a
     * reference (the snapshot holds the id it stands for, not the entity the id property holds).
     */
    private static int idColumn(EntityModel<?> model) {
        PropertyModel id = model.id();
        int index = id.index();
        if (index < 0
                || index >= model.properties().size()
                || model.properties().get(index) != id) {
            return -1;
        }
        for (RelationProperty relation : model.relations()) {
            if (relation.column() == id) {
                return -1;
            }
        }
        return index;
    }

    /**
     * Whether a collection may have lost elements since it was loaded: always for a collection we did not load.
     *
     * @param collection the relation's current value
     * @param ids the ids of its current elements
     */
    static boolean mayHaveRemoved(Collection<?> collection, Set<Object> ids) {
        return !(collection instanceof Snapshot snapshot) || !ids.containsAll(snapshot.loadedIds());
    }

    /** Whether an element's column values are what was loaded. */
    static <E> boolean unchanged(Shape<E> shape, @Nullable Object collection, E element) {
        if (!(collection instanceof Snapshot snapshot)) {
            return false;
        }
        Object id = shape.model.id().get(element);
        Object[] loaded = id == null ? null : snapshot.loaded(id);
        return loaded != null && Arrays.deepEquals(loaded, shape.values(element, -1, null));
    }
}
