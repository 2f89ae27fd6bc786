package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one row of another entity through a foreign-key column of this entity's table: {@code @ManyToOne
 * Owner owner} maps the column {@code owner_id} (or {@link JoinColumn#name()}). The foreign key is written from the
 * referenced entity's id; the referenced entity itself is never saved with this one (a lookup).
 *
 * <p>Loading: unless fetched ({@code .fetch(Pet_.owner)}, {@code @Fetch("owner")}), the property holds a
 * <em>reference</em>: an instance of the target with only its id set, so the foreign-key id is readable without
 * loading the row ({@code pet.owner().id()}). No proxy is involved. See docs/relationships.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ManyToOne {}
