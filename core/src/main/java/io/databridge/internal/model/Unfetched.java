package io.databridge.internal.model;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The placeholders an unfetched to-many relation holds: a {@code List} or {@code Set} whose every read fails with the
 * fetch that would have loaded it. One shared instance per relation, holding nothing but the message. No proxy: plain
 * collection classes. Immutable and thread-safe.
 */
final class Unfetched {

    private Unfetched() {}

    static Object placeholder(Class<?> collectionType, String entity, String property) {
        String message = entity + "." + property + " was not fetched; add .fetch(" + entity + "_." + property
                + ") or @Fetch(\"" + property + "\")";
        return collectionType == Set.class ? new UnfetchedSet<>(message) : new UnfetchedList<>(message);
    }

    private static final class UnfetchedList<E> extends AbstractList<E> {

        private final String message;

        UnfetchedList(String message) {
            this.message = message;
        }

        @Override
        public E get(int index) {
            throw new InvalidDataAccessApiUsageException(message);
        }

        @Override
        public void add(int index, E element) {
            throw new InvalidDataAccessApiUsageException(message);
        }

        @Override
        public int size() {
            throw new InvalidDataAccessApiUsageException(message);
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "<" + message.substring(0, message.indexOf(' ')) + " not fetched>";
        }
    }

    private static final class UnfetchedSet<E> extends AbstractSet<E> {

        private final String message;

        UnfetchedSet(String message) {
            this.message = message;
        }

        @Override
        public Iterator<E> iterator() {
            throw new InvalidDataAccessApiUsageException(message);
        }

        @Override
        public boolean add(E element) {
            throw new InvalidDataAccessApiUsageException(message);
        }

        @Override
        public int size() {
            throw new InvalidDataAccessApiUsageException(message);
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "<" + message.substring(0, message.indexOf(' ')) + " not fetched>";
        }
    }
}
