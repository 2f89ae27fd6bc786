package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection of child rows ({@code List} or {@code Set} of an entity) whose table holds a foreign key to this
 * entity: either the child's own {@link ManyToOne} named by {@link #mappedBy()}, or, for a one-way relation, the column
 * named by a {@link JoinColumn} on this property (written from the parent).
 *
 * <p>Children are owned by default: saving the parent inserts new children, updates changed ones and deletes removed
 * ones; deleting the parent deletes them. Unless fetched, the collection is a placeholder whose every read fails with
 * the fetch to add (never a silently empty collection). See docs/relationships.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OneToMany {

    /**
     * The child's {@link ManyToOne} property that refers back to this entity; empty for a one-way relation with a
     * {@link JoinColumn}.
     *
     * @return the child's property name, or empty
     */
    String mappedBy() default "";

    /**
     * Whether the children belong to the parent (saved and deleted with it). {@code false} makes the collection
     * read-only for writes: it is loaded, never written.
     *
     * @return {@code true} (default) when the parent owns its children
     */
    boolean owned() default true;
}
