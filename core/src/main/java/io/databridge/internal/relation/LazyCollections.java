package io.databridge.internal.relation;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The collections an unfetched to-many holds when its relation allows lazy loading ({@code @Loading(lazy = true)}):
 * plain {@code List}/{@code Set} classes, no proxies, that load on their first read for every row of the same result
 * at once ({@link Group}), then behave as the collections a fetch puts there. Thread-safe loading; the loaded
 * collection is not synchronized, like an {@code ArrayList}.
 */
final class LazyCollections {

    private LazyCollections() {}

    /** The rows of one result whose collections of one relation load together. */
    interface Group {
        /** Loads and {@link Lazy#fill fills} every collection of the group, or fails when that is not allowed. */
        void load();
    }

    /** Implemented by both collections. */
    interface Lazy {
        /** Whether the collection was loaded. */
        boolean isLoaded();

        /** Sets what the collection holds: a collection from {@link LoadedCollections#of}. */
        void fill(Collection<?> loaded);
    }

    /** Whether a relation's value is a lazy collection not loaded yet: writing the aggregate leaves it untouched. */
    static boolean pending(@Nullable Object value) {
        return value instanceof Lazy lazy && !lazy.isLoaded();
    }

    static final class LazyList<E> extends AbstractList<E> implements Lazy, LoadedCollections.Snapshot {

        private final Group group;
        private volatile @Nullable List<E> loaded;

        LazyList(Group group) {
            this.group = group;
        }

        @Override
        public boolean isLoaded() {
            return loaded != null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void fill(Collection<?> values) {
            loaded = (List<E>) values;
        }

        private List<E> delegate() {
            List<E> list = loaded;
            if (list == null) {
                group.load();
                list = java.util.Objects.requireNonNull(loaded, "the group filled every collection");
            }
            return list;
        }

        @Override
        public E get(int index) {
            return delegate().get(index);
        }

        @Override
        public int size() {
            return delegate().size();
        }

        @Override
        public E set(int index, E element) {
            return delegate().set(index, element);
        }

        @Override
        public void add(int index, E element) {
            delegate().add(index, element);
        }

        @Override
        public E remove(int index) {
            return delegate().remove(index);
        }

        @Override
        public Object @Nullable [] loaded(Object id) {
            return ((LoadedCollections.Snapshot) delegate()).loaded(id);
        }

        @Override
        public Set<Object> loadedIds() {
            return ((LoadedCollections.Snapshot) delegate()).loadedIds();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other == this || (loaded != null && delegate().equals(other));
        }

        @Override
        public int hashCode() {
            return loaded == null ? System.identityHashCode(this) : delegate().hashCode();
        }

        @Override
        public String toString() {
            return loaded == null ? "<not loaded yet>" : delegate().toString();
        }
    }

    static final class LazySet<E> extends AbstractSet<E> implements Lazy, LoadedCollections.Snapshot {

        private final Group group;
        private volatile @Nullable Set<E> loaded;

        LazySet(Group group) {
            this.group = group;
        }

        @Override
        public boolean isLoaded() {
            return loaded != null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void fill(Collection<?> values) {
            loaded = (Set<E>) values;
        }

        private Set<E> delegate() {
            Set<E> set = loaded;
            if (set == null) {
                group.load();
                set = java.util.Objects.requireNonNull(loaded, "the group filled every collection");
            }
            return set;
        }

        @Override
        public Iterator<E> iterator() {
            return delegate().iterator();
        }

        @Override
        public int size() {
            return delegate().size();
        }

        @Override
        public boolean add(E element) {
            return delegate().add(element);
        }

        @Override
        public Object @Nullable [] loaded(Object id) {
            return ((LoadedCollections.Snapshot) delegate()).loaded(id);
        }

        @Override
        public Set<Object> loadedIds() {
            return ((LoadedCollections.Snapshot) delegate()).loadedIds();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other == this || (loaded != null && delegate().equals(other));
        }

        @Override
        public int hashCode() {
            return loaded == null ? System.identityHashCode(this) : delegate().hashCode();
        }

        @Override
        public String toString() {
            return loaded == null ? "<not loaded yet>" : delegate().toString();
        }
    }
}
