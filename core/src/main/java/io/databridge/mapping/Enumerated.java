package io.databridge.mapping;

import io.databridge.types.EnumType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Chooses how an enum property is stored. Without it, enums are stored by name in a {@code text} column. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Enumerated {

    /**
     * The storage.
     *
     * @return the storage
     */
    EnumType value() default EnumType.STRING;

    /**
     * With {@link EnumType#POSTGRES}, the name of the PostgreSQL enum type; defaults to the snake_case of the enum's
     * simple class name.
     *
     * @return the PostgreSQL type name
     */
    String typeName() default "";
}
