package io.databridge.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Implements a repository method with SQL. Parameters are {@code :named} and bound to the method's parameters by
 * {@link Param @Param} or, when the code is compiled with {@code -parameters}, by parameter name; values are always
 * bound, never put into the text. A {@code Pageable} or {@code Sort} parameter pages and orders the result (the query
 * becomes a subquery, ordered by columns resolved from the entity's properties). Statements that change rows need
 * {@link Modifying @Modifying}.
 *
 * <p>Return types: the entity, a record (a projection: components matched to column labels), or a scalar; an
 * {@code Optional}, {@code List}, {@code Collection}, {@code Iterable} or {@code Stream} of one; {@code Page} or
 * {@code Slice} with a {@code Pageable} parameter; {@code long}, {@code int}, {@code boolean} for one-row scalar results
 * and for {@code @Modifying} counts.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Query {

    /**
     * The SQL text with {@code :named} parameters.
     *
     * @return the SQL
     */
    String value();

    /**
     * The SQL that counts the rows of a {@code Page} result; by default {@code SELECT count(*)} over the query.
     *
     * @return the count SQL, or empty for the default
     */
    String countQuery() default "";
}
