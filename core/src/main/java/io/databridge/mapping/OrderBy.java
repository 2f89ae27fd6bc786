package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The order of a to-many collection, applied by every fetch: a comma-separated list of the target's property names,
 * each optionally followed by {@code ASC} or {@code DESC}, e.g. {@code @OrderBy("name")} or {@code @OrderBy("visitDate
 * DESC, id")}. Without it, children come in id order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OrderBy {

    /**
     * The ordering, in property names.
     *
     * @return e.g. {@code "name"} or {@code "visitDate DESC, id"}
     */
    String value();
}
