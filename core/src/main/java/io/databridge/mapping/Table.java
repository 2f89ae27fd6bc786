package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as an entity stored in one table.
 *
 * <pre>{@code
 * @Table(name = "users")
 * public class User { @Id @GeneratedValue Long id; String email; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /**
     * The table name; defaults to the snake_case of the simple class name ({@code OrderLine} → {@code order_line}).
     *
     * @return the table name
     */
    String name() default "";

    /**
     * The schema; empty means the connection's {@code search_path}.
     *
     * @return the schema name
     */
    String schema() default "";
}
