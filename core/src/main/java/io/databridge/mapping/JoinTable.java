package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The join table of the owning side of a {@link ManyToMany}: {@code @JoinTable(name = "vet_specialties", joinColumn =
 * "vet_id", inverseJoinColumn = "specialty_id")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface JoinTable {

    /**
     * The join table's name.
     *
     * @return the table name
     */
    String name();

    /**
     * The join table's schema; empty for the connection's {@code search_path}.
     *
     * @return the schema, or empty
     */
    String schema() default "";

    /**
     * The column that refers to this (owning) entity; default {@code <owning table>_id}.
     *
     * @return the column name, or empty for the default
     */
    String joinColumn() default "";

    /**
     * The column that refers to the target entity; default {@code <target table>_id}.
     *
     * @return the column name, or empty for the default
     */
    String inverseJoinColumn() default "";
}
