package io.databridge.repository;

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
    String[] value();
}
