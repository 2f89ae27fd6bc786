package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import java.lang.invoke.MethodHandle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code @Embedded} value object or a composite id: a record or class whose properties are columns of the owning
 * entity's table. The entity's values are flat, one per column ({@link EntityModel#properties()}); this builds the
 * value object back from its columns, {@code first} (inclusive) to {@code end} (exclusive), and is {@code null} when
 * all of them are {@code NULL}. Immutable and thread-safe.
 */
final class Embedding {

    /**
     * One member of an entity or of a value object, as rows build it: a column of its own ({@code leaf} its index
     * among the entity's properties), or a nested value object.
     *
     * @param leaf the property index of a column member, {@code -1} for a value object
     * @param embedding the value object, or {@code null} for a column member
     * @param setter {@code (Object owner, Object value)void} when the owner is a class; {@code null} for a record
     * @param primitive whether the member's Java type is primitive (so it cannot receive {@code null})
     * @param where {@code Entity.path}, for messages
     */
    record Part(
            int leaf,
            @Nullable Embedding embedding,
            @Nullable MethodHandle setter,
            boolean primitive,
            String where) {

        @Nullable
        Object value(@Nullable Object[] values) {
            Embedding nested = embedding;
            return nested == null ? values[leaf] : nested.assemble(values);
        }

        void set(Object owner, @Nullable Object value) {
            MethodHandle handle = setter;
            if (handle == null) {
                throw new IllegalStateException(where + " belongs to a record");
            }
            try {
                handle.invokeExact(owner, value);
            } catch (Throwable ex) {
                throw new EntityMappingException("Cannot set " + where + ": " + ex, ex);
            }
        }
    }

    private final Class<?> type;
    private final String where;
    private final MethodHandle constructor;
    private final List<Part> parts;
    private final int first;
    private final int end;
    private final @Nullable PropertyModel id;

    /**
     * @param constructor {@code (Object[])Object} over the parts for a record, {@code ()Object} for a class
     */
    Embedding(Class<?> type, String where, MethodHandle constructor, List<Part> parts, int first, int end) {
        this(type, where, constructor, parts, first, end, null);
    }

    private Embedding(
            Class<?> type,
            String where,
            MethodHandle constructor,
            List<Part> parts,
            int first,
            int end,
            @Nullable PropertyModel id) {
        this.type = type;
        this.where = where;
        this.constructor = constructor;
        this.parts = List.copyOf(parts);
        this.first = first;
        this.end = end;
        this.id = id;
    }

    /** The same value object as the entity's composite id, represented by {@code id}. */
    Embedding withId(PropertyModel id) {
        return new Embedding(type, where, constructor, parts, first, end, id);
    }

    /** The composite id property this value object is, or {@code null} for an {@code @Embedded} value. */
    @Nullable
    PropertyModel id() {
        return id;
    }

    /** The value object's class. */
    Class<?> type() {
        return type;
    }

    /** The index of its first column among the entity's properties. */
    int first() {
        return first;
    }

    /** One past the index of its last column. */
    int end() {
        return end;
    }

    /**
     * Builds the value object from the entity's flat values.
     *
     * @return the value object, or {@code null} when every one of its columns is {@code NULL}
     * @throws EntityMappingException when a primitive part would receive {@code NULL}, or the constructor throws
     */
    @Nullable
    Object assemble(@Nullable Object[] values) {
        boolean empty = true;
        for (int i = first; i < end && empty; i++) {
            empty = values[i] == null;
        }
        if (empty) {
            return null;
        }
        try {
            if (type.isRecord()) {
                Object[] arguments = new Object[parts.size()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = checked(parts.get(i), values);
                }
                return (Object) constructor.invokeExact(arguments);
            }
            Object instance = (Object) constructor.invokeExact();
            for (Part part : parts) {
                Object value = checked(part, values);
                if (value != null) {
                    part.set(instance, value);
                }
            }
            return instance;
        } catch (EntityMappingException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new EntityMappingException(
                    "Cannot create " + type.getName() + " for " + where + ": its constructor threw "
                            + ex.getClass().getName(),
                    ex);
        }
    }

    private static @Nullable Object checked(Part part, @Nullable Object[] values) {
        Object value = part.value(values);
        if (value == null && part.primitive()) {
            throw new EntityMappingException("Cannot map NULL to " + part.where()
                    + " of a primitive type while other columns of its value object are set: use the wrapper type,"
                    + " or make the column NOT NULL");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Embedding[" + where + " -> " + type.getName() + "]";
    }
}
