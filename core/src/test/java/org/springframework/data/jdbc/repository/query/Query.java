package org.springframework.data.jdbc.repository.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stands for Spring Data JDBC's {@code @Query} (same name and package; that module is not on this project's class
 * path): a look-alike of data-bridge's {@code @Query} that IDEs offer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Query {

    /**
     * The SQL.
     *
     * @return the SQL
     */
    String value();
}
