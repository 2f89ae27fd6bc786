package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a property holding a value object (a record, or a class with a no-arg constructor) to columns of the entity's
 * own table, one per property of the value object, each named with a prefix: {@code @Embedded(prefix = "home_")
 * Address home} maps {@code home.city} to the column {@code home_city}. Value objects may embed others (the prefixes
 * add up). A {@code null} value writes {@code NULL} to every column, and reads back as {@code null} when all of its
 * columns are {@code NULL}.
 *
 * <p>An {@link Id} whose type is a record is a composite primary key: its components are mapped the same way, without
 * a prefix unless one is given here. See docs/entities.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Embedded {

    /**
     * The value of {@link #prefix()} that stands for the default: the property's column name and {@code _} (e.g.
     * {@code address_}) on a value object, no prefix on a composite {@link Id}.
     */
    String DEFAULT = "<property>_";

    /**
     * What goes before each column name of the value object; by default the property's column name and {@code _}
     * ({@code address_}), or nothing on a composite id. An empty string means no prefix.
     *
     * @return the prefix
     */
    String prefix() default DEFAULT;
}
