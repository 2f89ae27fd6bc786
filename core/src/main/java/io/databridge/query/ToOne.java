package io.databridge.query;

import java.util.Objects;

/**
 * A to-one relation attribute ({@code @ManyToOne}, owning {@code @OneToOne}): the foreign-key column itself, so it
 * compares with an entity ({@code Pet_.owner.eq(owner)} binds the owner's id), and a {@link Relation} to fetch or
 * join. Immutable and thread-safe.
 *
 * @param <T> the entity declaring the relation
 * @param <R> the related entity
 */
public final class ToOne<T, R> extends Column<T, R> implements Relation<T, R> {

    private final Class<R> target;

    private ToOne(Class<T> entity, String property, Class<R> target) {
        super(entity, property, target, null);
        this.target = target;
    }

    /**
     * Creates a to-one attribute; called by generated metamodels.
     *
     * @param entity the declaring entity
     * @param property the relation property's name
     * @param target the related entity
     * @param <T> the declaring entity type
     * @param <R> the related entity type
     * @return the attribute
     */
    public static <T, R> ToOne<T, R> relation(Class<T> entity, String property, Class<R> target) {
        return new ToOne<>(
                Objects.requireNonNull(entity, "entity"),
                Objects.requireNonNull(property, "property"),
                Objects.requireNonNull(target, "target"));
    }

    @Override
    public Class<R> target() {
        return target;
    }
}
