package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an index for the generated schema. On a property it indexes that property's column; on the entity type it
 * names the indexed properties in {@link #properties()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Index.List.class)
public @interface Index {

    /**
     * The index name; defaults to {@code <table>_<columns>_idx} (or {@code _key} for unique indexes).
     *
     * @return the index name
     */
    String name() default "";

    /**
     * On the entity type, the Java property names to index, in order. Must be empty on a property.
     *
     * @return the property names
     */
    String[] properties() default {};

    /**
     * Whether the index is unique.
     *
     * @return {@code true} for a unique index
     */
    boolean unique() default false;

    /** Holds repeated {@link Index} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
    @interface List {
        /**
         * The indexes.
         *
         * @return the indexes
         */
        Index[] value();
    }
}
