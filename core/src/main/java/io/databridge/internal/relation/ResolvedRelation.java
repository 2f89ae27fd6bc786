package io.databridge.internal.relation;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.model.RelationProperty;
import org.jspecify.annotations.Nullable;

/**
 * A relation with both ends known and its load statement rendered once. Immutable and thread-safe.
 *
 * @param property the declared relation
 * @param source the declaring entity
 * @param target the related entity
 * @param shape how the rows link
 * @param foreignKey the quoted foreign-key column: in the source table ({@link Shape#TO_ONE}), in the target table
 *     ({@link Shape#CHILD_FOREIGN_KEY}), or the join table's column referring to the source ({@link Shape#JOIN_TABLE})
 * @param childForeignKey the target's to-one property holding the foreign key ({@code mappedBy}), if any
 * @param joinTable the qualified join table, for {@link Shape#JOIN_TABLE}
 * @param inverseColumn the join table's quoted column referring to the target, for {@link Shape#JOIN_TABLE}
 * @param orderBy the {@code ORDER BY} columns of a to-many, qualified with the target alias {@code t}
 * @param owned whether the source owns the targets (cascade)
 * @param loadSql the select-in statement: binds one array of source ids (target ids for {@link Shape#TO_ONE})
 */
record ResolvedRelation(
        RelationProperty property,
        EntityModel<?> source,
        EntityModel<?> target,
        Shape shape,
        String foreignKey,
        @Nullable PropertyModel childForeignKey,
        @Nullable String joinTable,
        @Nullable String inverseColumn,
        String orderBy,
        boolean owned,
        String loadSql) {

    /** How the rows of a relation link. */
    enum Shape {
        /** The source row holds the target's id. */
        TO_ONE,
        /** The target rows hold the source's id ({@code @OneToMany}, inverse {@code @OneToOne}). */
        CHILD_FOREIGN_KEY,
        /** A join table links the two ({@code @ManyToMany}). */
        JOIN_TABLE
    }

    /** The relation's name for messages, e.g. {@code Owner.pets}. */
    String name() {
        return property.qualifiedName();
    }
}
