package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Customizes the column of a property. Every attribute has the default an unannotated property gets. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /**
     * The column name; defaults to the snake_case of the property name ({@code createdAt} → {@code created_at}).
     *
     * @return the column name
     */
    String name() default "";

    /**
     * Whether the column accepts {@code NULL}. Primitive properties and ids are never nullable.
     *
     * @return {@code true} when {@code NULL} is allowed
     */
    boolean nullable() default true;

    /**
     * Whether the generated schema adds a {@code UNIQUE} constraint.
     *
     * @return {@code true} for a unique column
     */
    boolean unique() default false;

    /**
     * For strings, the maximum length: a positive value renders {@code varchar(length)}, 0 renders {@code text}.
     *
     * @return the length, 0 for unbounded
     */
    int length() default 0;

    /**
     * For {@link java.math.BigDecimal}, the total number of digits; 0 renders an unconstrained {@code numeric}.
     *
     * @return the precision
     */
    int precision() default 0;

    /**
     * For {@link java.math.BigDecimal} with a precision, the digits after the decimal point.
     *
     * @return the scale
     */
    int scale() default 0;

    /**
     * Whether inserts write this column; {@code false} leaves it to the column default.
     *
     * @return {@code true} when inserts write it
     */
    boolean insertable() default true;

    /**
     * Whether updates write this column.
     *
     * @return {@code true} when updates write it
     */
    boolean updatable() default true;
}
