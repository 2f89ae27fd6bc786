package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The optimistic-locking version: an integral property that starts at 0, is incremented by every update, and is
 * checked in the update's {@code WHERE} clause. A stale version makes the update fail with
 * {@link org.springframework.dao.OptimisticLockingFailureException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Version {}
