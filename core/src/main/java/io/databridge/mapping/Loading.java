package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a relation loads when a query does not say: its default strategy, whether it belongs to the entity's default
 * fetch plan, and whether a to-many may be loaded lazily.
 *
 * <pre>{@code
 * @ManyToOne @Loading(always = true, strategy = FetchStrategy.JOIN) PetType type;   // read with every Pet
 * @OneToMany(mappedBy = "owner") @Loading(strategy = FetchStrategy.JSON) List<Pet> pets;
 * @OneToMany(mappedBy = "pet") @Loading(lazy = true) List<Visit> visits;            // batch-loaded on first read
 * }</pre>
 *
 * See docs/relationships.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Loading {

    /**
     * The strategy used when the relation is fetched without one.
     *
     * @return {@link FetchStrategy#SELECT_IN} by default
     */
    FetchStrategy strategy() default FetchStrategy.SELECT_IN;

    /**
     * Whether the relation is part of the entity's default fetch plan: loaded with every DSL query, {@code findById},
     * {@code fetch} and repository method of the entity (and wherever the entity is fetched as a relation) unless the
     * query excludes it ({@code .noFetch(Pet_.type)}, {@code @Fetch(exclude = "type")}). A default plan stops where it
     * would come back to an entity already on its path.
     *
     * @return {@code false} by default
     */
    boolean always() default false;

    /**
     * Whether reading the to-many unfetched loads it, for all the rows read with this one, in one statement: only
     * inside the transaction that read the rows; outside it the read fails with the fetch to add, as without lazy
     * loading. {@code false} (the default) means every unfetched read fails.
     *
     * @return {@code false} by default
     */
    boolean lazy() default false;
}
