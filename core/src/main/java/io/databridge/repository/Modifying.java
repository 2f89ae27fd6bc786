package io.databridge.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Query @Query} that changes rows ({@code INSERT}, {@code UPDATE}, {@code DELETE}, DDL) without
 * returning them. The method returns {@code void}, or the number of rows affected as {@code int} or {@code long}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Modifying {}
