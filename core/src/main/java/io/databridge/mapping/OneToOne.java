package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relation. On the owning side (no {@code mappedBy}) it maps a foreign-key column exactly like {@link
 * ManyToOne}; on the inverse side ({@code mappedBy} naming the owning property of the target) it holds no column and is
 * loaded by the target's foreign key; an unfetched inverse side reads {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OneToOne {

    /**
     * The property of the target that owns the foreign key; empty on the owning side.
     *
     * @return the owning property's name, or empty
     */
    String mappedBy() default "";
}
