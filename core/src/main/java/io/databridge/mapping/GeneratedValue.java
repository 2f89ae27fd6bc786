package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id is generated when an entity without one is inserted. By default the database generates it: an identity
 * column (or the sequence the column's default names) for integral ids, {@code gen_random_uuid()} for {@link
 * java.util.UUID} ids; the value comes back from the insert's {@code RETURNING} clause. With {@code strategy =
 * Strategy.UUID_V7} data-bridge generates a time-ordered UUID version 7 in Java before the insert (ids sort by
 * creation time, so new rows land at the right edge of the primary key's index). With {@code strategy =
 * Strategy.SEQUENCE} data-bridge draws integral ids from a named sequence in blocks of {@link #allocationSize()} (as
 * JPA's pooled optimizer does) and assigns them before the insert: one {@code nextval} per block, one statement for
 * all the blocks a bulk insert needs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface GeneratedValue {

    /**
     * Who generates the id.
     *
     * @return the strategy
     */
    Strategy strategy() default Strategy.DATABASE;

    /**
     * The sequence ids are drawn from, with {@code strategy = SEQUENCE} (required there, not allowed with the other
     * strategies): a name, in the schema of the entity's table. {@code schema().create} creates it with {@code
     * INCREMENT BY} {@link #allocationSize()}.
     *
     * @return the sequence name
     */
    String sequence() default "";

    /**
     * How many ids one {@code nextval} of the {@link #sequence()} reserves, with {@code strategy = SEQUENCE}: a value
     * {@code v} stands for the ids {@code v} to {@code v + allocationSize - 1}. The sequence must be {@code INCREMENT
     * BY} this number; the first insert checks it and fails with the fix when it is not. Every writer of the table
     * must draw ids the same way (a column default of {@code nextval} is safe: it takes a whole block).
     *
     * @return the ids per block, at least 1
     */
    int allocationSize() default 50;

    /** Who generates an id. */
    enum Strategy {
        /** The database, on insert: identity, sequence or {@code gen_random_uuid()}. */
        DATABASE,
        /** data-bridge, in Java, before the insert: a UUID version 7 (RFC 9562), time-ordered. UUID ids only. */
        UUID_V7,
        /**
         * data-bridge, before the insert, from blocks of {@link #allocationSize()} ids drawn from the named {@link
         * #sequence()}. Integral ids only.
         */
        SEQUENCE
    }
}
