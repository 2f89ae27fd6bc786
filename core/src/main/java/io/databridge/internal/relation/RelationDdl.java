package io.databridge.internal.relation;

import java.util.List;

/**
 * The DDL one relation needs beyond its entity's own table, and what a schema diff checks for it. Immutable.
 *
 * @param kind where the relation's foreign key lives
 * @param table the qualified table holding the checked column
 * @param column the unquoted foreign-key column a diff checks (the inverse column of a join table)
 * @param create the statements {@code schema().create} runs, idempotent
 * @param foreignKey the statement adding the foreign-key constraint to an existing column; empty for a join table
 * @param index the statement creating the index on the column
 */
public record RelationDdl(
        Kind kind, String table, String column, List<String> create, String foreignKey, String index) {

    /** Where a relation's foreign key lives. */
    public enum Kind {
        /** A to-one's column of the entity's own table, created with the table (and its {@code REFERENCES}). */
        OWN_COLUMN,
        /** A one-way {@code @OneToMany}'s column in the child's table. */
        CHILD_COLUMN,
        /** An owning {@code @ManyToMany}'s join table. */
        JOIN_TABLE
    }
}
