package io.databridge.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the distribution column of a table that a sharded PostgreSQL (Citus) spreads over its nodes: rows with the same
 * value of that column live on the same shard. data-bridge does not shard; the annotation records the design in the
 * model, so that the entity model ({@code EntityModel.distributionColumn()}) and the generated metamodel ({@code
 * Order_.DISTRIBUTION_COLUMN}) carry it, and an unknown property name fails at compile time (processor) and at startup.
 * See docs/scaling.md for how a sharded schema maps onto data-bridge.
 *
 * <pre>{@code
 * @Table(name = "orders")
 * @Distributed(by = "tenantId")
 * public record Order(@Id Long id, Long tenantId, BigDecimal total) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Distributed {

    /**
     * The Java name of the persistent property whose column distributes the rows.
     *
     * @return the property name, e.g. {@code tenantId}
     */
    String by();
}
