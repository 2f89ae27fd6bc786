package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection of entities linked through a join table, described by {@link JoinTable} on the owning side (or, on the
 * inverse side, by {@link #mappedBy()} naming the owning property of the target). Saving the owning side diffs the join
 * rows (inserts new links, deletes removed ones); the linked entities themselves are never saved with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ManyToMany {

    /**
     * The owning {@code @ManyToMany} property of the target; empty on the owning side.
     *
     * @return the owning property's name, or empty
     */
    String mappedBy() default "";
}
