package io.databridge.query;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A to-many relation attribute ({@code @OneToMany}, {@code @ManyToMany}) of the generated metamodel, e.g. {@code
 * Owner_.pets}: names the relation for {@link SelectQuery#fetch(Relation, Relation...)}, and tests the related rows
 * with {@link #any(Condition)} / {@link #none(Condition)}. Immutable and thread-safe.
 *
 * @param <T> the entity declaring the relation
 * @param <E> the element entity
 */
public final class ToMany<T, E> implements Relation<T, E> {

    private final Class<T> entity;
    private final String property;
    private final Class<E> target;

    private ToMany(Class<T> entity, String property, Class<E> target) {
        this.entity = entity;
        this.property = property;
        this.target = target;
    }

    /**
     * Creates a to-many attribute; called by generated metamodels.
     *
     * @param entity the declaring entity
     * @param property the relation property's name
     * @param target the element entity
     * @param <T> the declaring entity type
     * @param <E> the element entity type
     * @return the attribute
     */
    public static <T, E> ToMany<T, E> relation(Class<T> entity, String property, Class<E> target) {
        return new ToMany<>(
                Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(property, "property"),
                Objects.requireNonNull(target, "target"));
    }

    /**
     * Whether at least one related row matches: {@code EXISTS (SELECT 1 FROM pets WHERE pets.owner_id = owners.id AND
     * condition)}, through the join table for a {@code @ManyToMany}. Each root matches once however many related rows
     * match. The condition's columns are the related entity's ({@code Pet_.name}) and may nest another {@code any}
     * ({@code Owner_.pets.any(Pet_.visits.any(...))}); the enclosing query must read the declaring entity.
     *
     * @param condition what a related row must satisfy
     * @return the condition
     */
    public Condition any(Condition condition) {
        return new RelationExists(this, Condition.requireCondition(condition), false);
    }

    /**
     * Whether the collection has at least one element: {@code EXISTS} over the related rows.
     *
     * @return the condition
     */
    public Condition any() {
        return new RelationExists(this, null, false);
    }

    /**
     * Whether no related row matches: {@code NOT EXISTS (...)}, the negation of {@link #any(Condition)}.
     *
     * @param condition what no related row may satisfy
     * @return the condition
     */
    public Condition none(Condition condition) {
        return new RelationExists(this, Condition.requireCondition(condition), true);
    }

    /**
     * Whether the collection is empty: {@code NOT EXISTS} over the related rows.
     *
     * @return the condition
     */
    public Condition none() {
        return new RelationExists(this, null, true);
    }

    @Override
    public Class<T> entity() {
        return entity;
    }

    @Override
    public String property() {
        return property;
    }

    @Override
    public Class<E> target() {
        return target;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ToMany<?, ?> that && that.entity == entity && that.property.equals(property);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + property.hashCode();
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + property;
    }
}
