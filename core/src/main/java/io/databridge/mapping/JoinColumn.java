package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the foreign-key column of a {@link ManyToOne} or owning {@link OneToOne} (in this entity's table; default
 * {@code <property>_id}), or of a one-way {@link OneToMany} (in the child's table).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface JoinColumn {

    /**
     * The column name.
     *
     * @return the column name
     */
    String name();
}
