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
 * creation time, so new rows land at the right edge of the primary key's index).
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

    /** Who generates an id. */
    enum Strategy {
        /** The database, on insert: identity, sequence or {@code gen_random_uuid()}. */
        DATABASE,
        /** data-bridge, in Java, before the insert: a UUID version 7 (RFC 9562), time-ordered. UUID ids only. */
        UUID_V7
    }
}
