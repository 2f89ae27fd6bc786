package io.databridge.types;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label an enum constant is stored as, when it is not the constant's name: {@code @EnumLabel("PG-13") PG_13}.
 * Every path honours it: single values, arrays, {@code in(...)} collections, bulk inserts and writes, reading, the
 * {@code CREATE TYPE ... AS ENUM} of {@code schema().create} and the labels {@code schema().diff} adds. Applies to
 * enums stored by name ({@code text}) and as PostgreSQL enum types; ordinal storage ignores it.
 *
 * <p>A label is 1 to 63 characters (PostgreSQL's limit for enum labels), unique within its enum, without backslash
 * or NUL; the first use of the enum checks this and names the offending constant.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumLabel {

    /**
     * The stored label, e.g. {@code "PG-13"} or {@code "in progress"}.
     *
     * @return the label
     */
    String value();
}
