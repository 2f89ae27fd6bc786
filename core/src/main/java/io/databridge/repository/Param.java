package io.databridge.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the {@code :named} parameter of a {@link Query @Query} that a method parameter binds to. */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Param {

    /**
     * The parameter name in the SQL, without the colon.
     *
     * @return the name
     */
    String value();
}
