package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.AnnotatedElement;
import org.jspecify.annotations.Nullable;

/**
 * One relation property of an entity as declared: its kind, target entity, collection type and accessors. The owning
 * side of a to-one also has a column ({@link #column()}); the other kinds hold no column in the entity's table. How the
 * relation joins (mappedBy, join column, join table) is resolved and validated by the engine once every entity involved
 * is known. Immutable and thread-safe.
 */
public final class RelationProperty {

    /** The kind of relation. */
    public enum Kind {
        /** {@code @ManyToOne}: a foreign-key column of this table. */
        MANY_TO_ONE,
        /** {@code @OneToOne}: a foreign-key column of this table, or of the target's with {@code mappedBy}. */
        ONE_TO_ONE,
        /** {@code @OneToMany}: a foreign-key column of the target's table. */
        ONE_TO_MANY,
        /** {@code @ManyToMany}: a join table. */
        MANY_TO_MANY
    }

    private final String entityName;
    private final String name;
    private final Kind kind;
    private final Class<?> target;
    private final @Nullable Class<?> collectionType;
    private final AnnotatedElement element;
    private final @Nullable PropertyModel column;
    private final int component;
    private final MethodHandle getter;
    private final @Nullable MethodHandle setter;
    private final @Nullable Object unfetched;

    RelationProperty(
            String entityName,
            String name,
            Kind kind,
            Class<?> target,
            @Nullable Class<?> collectionType,
            AnnotatedElement element,
            @Nullable PropertyModel column,
            int component,
            MethodHandle getter,
            @Nullable MethodHandle setter,
            @Nullable Object unfetched) {
        this.entityName = entityName;
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.collectionType = collectionType;
        this.element = element;
        this.column = column;
        this.component = component;
        this.getter = getter;
        this.setter = setter;
        this.unfetched = unfetched;
    }

    /**
     * The property name.
     *
     * @return the Java name
     */
    public String name() {
        return name;
    }

    /**
     * The simple name of the declaring entity and the property, e.g. {@code Owner.pets}.
     *
     * @return the qualified name used in messages
     */
    public String qualifiedName() {
        return entityName + "." + name;
    }

    /**
     * The kind of relation.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The related entity class (the element type of a collection).
     *
     * @return the target class
     */
    public Class<?> target() {
        return target;
    }

    /**
     * {@code List.class} or {@code Set.class} for a to-many relation, {@code null} for a to-one.
     *
     * @return the collection interface or {@code null}
     */
    public @Nullable Class<?> collectionType() {
        return collectionType;
    }

    /**
     * Whether the relation holds a collection.
     *
     * @return {@code true} for {@code @OneToMany} and {@code @ManyToMany}
     */
    public boolean toMany() {
        return collectionType != null;
    }

    /**
     * The annotated field or record component, for the engine to read {@code mappedBy}, join columns and ordering.
     *
     * @return the element
     */
    public AnnotatedElement element() {
        return element;
    }

    /**
     * The foreign-key column of a to-one owning side, a property of the entity whose value is the related entity.
     *
     * @return the column property, or {@code null} when the relation holds no column of this table
     */
    public @Nullable PropertyModel column() {
        return column;
    }

    /**
     * The record component index, or the declaration position for classes.
     *
     * @return the position
     */
    public int component() {
        return component;
    }

    /**
     * What an unfetched relation holds: a collection that fails on every read, or {@code null}.
     *
     * @return the placeholder
     */
    public @Nullable Object unfetched() {
        return unfetched;
    }

    /**
     * Reads the relation's current value.
     *
     * @param entity the instance
     * @return the value
     */
    public @Nullable Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (Throwable ex) {
            throw new EntityMappingException("Cannot read " + qualifiedName() + ": " + ex, ex);
        }
    }

    /**
     * Sets the relation on a mutable instance.
     *
     * @param entity the instance (not a record)
     * @param value the new value
     */
    public void set(Object entity, @Nullable Object value) {
        MethodHandle handle = setter;
        if (handle == null) {
            throw new EntityMappingException(entityName + " is a record: " + name + " cannot be set, build a new one");
        }
        try {
            handle.invokeExact(entity, value);
        } catch (Throwable ex) {
            throw new EntityMappingException("Cannot set " + qualifiedName() + ": " + ex, ex);
        }
    }

    @Override
    public String toString() {
        return qualifiedName() + " (" + kind + " " + target.getSimpleName() + ")";
    }
}
