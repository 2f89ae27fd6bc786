package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database generates this id on insert: an identity column for integral ids, {@code gen_random_uuid()} for
 * {@link java.util.UUID} ids. The value comes back from the insert's {@code RETURNING} clause.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface GeneratedValue {}
