package io.databridge.internal.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * How the rows of one to-many relation link, for the query DSL to render {@code EXISTS} over it: the child table's
 * foreign key, or the join table and its two columns. Resolved (and validated) by the engine's relation resolver, which
 * sits above this package, so it is handed in through {@link QueryExecutor}. Immutable.
 *
 * @param foreignKey the quoted column referring to the source's id: the child table's ({@code joinTable} is {@code
 *     null}) or the join table's
 * @param joinTable the qualified join table of a {@code @ManyToMany}, or {@code null}
 * @param inverseColumn the join table's quoted column referring to the target's id, or {@code null}
 */
public record RelationLink(
        String foreignKey,
        @Nullable String joinTable,
        @Nullable String inverseColumn) {

    /** Resolves the link of a relation property. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * The link of a to-many relation.
         *
         * @param source the declaring entity
         * @param property the relation property's name
         * @return the link
         * @throws IllegalArgumentException when the property is no to-many relation of {@code source}
         */
        RelationLink link(Class<?> source, String property);
    }
}
