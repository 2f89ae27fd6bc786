package io.databridge.repository;

import io.databridge.mapping.FetchStrategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The relations a repository method loads with its results, as property paths from the entity: {@code
 * @Fetch({"pets", "pets.visits"})} (a nested path implies its prefix). Allowed on any method that returns entities,
 * including the inherited CRUD methods redeclared in the repository interface ({@code findAll()}, {@code
 * findAll(Pageable)}, {@code findById}). A path that names no relation fails application startup.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Fetch {

    /**
     * The relation paths to load, e.g. {@code "pets"}, {@code "pets.visits"}, {@code "owner"}.
     *
     * @return the paths
     */
    String[] value() default {};

    /**
     * The strategy of the relations of {@link #value()}: empty (the default) keeps each relation's own ({@code
     * io.databridge.mapping.Loading}, else select-in); one strategy applies to every relation of every path, as {@code
     * SelectQuery.fetch(FetchStrategy, ...)} does. Results a method already read are extended by select-in, so {@code
     * JSON} loads a whole subtree in one statement after them, and {@code JOIN} acts like select-in at the first level.
     *
     * @return no strategy, or exactly one
     */
    FetchStrategy[] strategy() default {};

    /**
     * Relations of the default fetch plan ({@code @Loading(always = true)}) not to load, as paths, e.g. {@code "type"}
     * or {@code "pets.type"}.
     *
     * @return the paths left out
     */
    String[] exclude() default {};
}
