package io.databridge.query;

/**
 * A relation attribute of the generated metamodel ({@code Owner_.pets}, {@code Pet_.owner}): names a relation property
 * for {@link SelectQuery#fetch(Relation, Relation...)} and joins. Implemented by {@link ToOne} and {@link ToMany}; immutable and
 * thread-safe.
 *
 * @param <T> the entity declaring the relation
 * @param <R> the related entity
 */
public sealed interface Relation<T, R> permits ToOne, ToMany {

    /**
     * The entity declaring the relation.
     *
     * @return the entity class
     */
    Class<T> entity();

    /**
     * The relation property's Java name.
     *
     * @return the name
     */
    String property();

    /**
     * The related entity class.
     *
     * @return the target class
     */
    Class<R> target();
}
