package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The tables one (sub)query reads from, used to resolve metamodel columns to SQL. A column is qualified when the query
 * reads from more than one table, is nested in another query, or belongs to an enclosing query (correlation). Not
 * thread-safe; one per rendering.
 */
final class Scope {

    /**
     * One table in a {@code FROM} clause: an entity's table (with its alias or none) or a CTE or derived table, and
     * what its columns are prefixed with.
     */
    record Item(
            @Nullable EntityModel<?> model,
            @Nullable String alias,
            String qualifier,
            @Nullable QueryTable<?> table) {
        static Item of(EntityModel<?> model, @Nullable String alias) {
            return new Item(
                    model,
                    alias,
                    alias == null ? model.qualifiedTable() : Identifiers.quote(alias, "table alias"),
                    null);
        }

        static Item of(QueryTable<?> table) {
            return new Item(null, null, table.quotedName(), table);
        }

        /** The entity table as a {@code FROM} item; only for entity items. */
        String fromClause() {
            EntityModel<?> entity = Objects.requireNonNull(model, "an entity table");
            return alias == null ? entity.qualifiedTable() : entity.qualifiedTable() + " AS " + qualifier;
        }

        void renderFrom(SqlRenderer renderer) {
            if (table != null) {
                table.renderFrom(renderer);
            } else {
                renderer.append(fromClause());
            }
        }
    }

    private final @Nullable Scope parent;
    private final List<Item> items = new ArrayList<>(2);
    private final boolean qualify;

    Scope(@Nullable Scope parent, List<Item> items) {
        this.parent = parent;
        this.items.addAll(items);
        this.qualify = parent != null || items.size() > 1;
    }

    boolean qualifies() {
        return qualify;
    }

    /** The root table of this scope. */
    Item root() {
        return items.get(0);
    }

    /** Renders a column reference: {@code "email"} or {@code "u"."email"}. */
    String column(Column<?, ?> column) {
        Resolved resolved = resolve(column);
        String quoted = resolved.property().quotedColumn();
        return resolved.qualified() ? resolved.item().qualifier() + "." + quoted : quoted;
    }

    /** Renders a column of a CTE or derived table: {@code "t"."name"} when qualified. */
    String column(DerivedColumn<?> column) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            for (Item item : scope.items) {
                if (item.table() != null
                        && item.table().name().equals(column.table().name())) {
                    boolean qualified = scope != this || scope.qualify;
                    return qualified ? item.qualifier() + "." + column.quotedName() : column.quotedName();
                }
            }
        }
        QueryTable<?> table = column.table();
        throw new InvalidDataAccessApiUsageException("Column " + column + " belongs to " + table.describe()
                + ", which is not in this query; read it with db.from(" + table.name() + ") or join it");
    }

    /** Renders a column always qualified, for a subquery that correlates with it: {@code "owners"."id"}. */
    String qualifiedColumn(Column<?, ?> column) {
        Resolved resolved = resolve(column);
        return resolved.item().qualifier() + "." + resolved.property().quotedColumn();
    }

    /**
     * An alias for one more table read by a subquery of this scope: {@code null} when the table's name is free here
     * and in every enclosing scope, otherwise {@code prefix} and the first number no table in reach is called.
     */
    @Nullable
    String aliasFor(String table, String prefix) {
        return reads(table) ? freeAlias(prefix) : null;
    }

    /** {@code prefix} and the first number no table in reach of this scope is called. */
    String freeAlias(String prefix) {
        int n = 1;
        while (reads(Identifiers.quote(prefix + n, "table alias"))) {
            n++;
        }
        return prefix + n;
    }

    /** Whether this scope or an enclosing one reads a table under this quoted qualifier. */
    private boolean reads(String qualifier) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            for (Item item : scope.items) {
                if (item.qualifier().equals(qualifier)) {
                    return true;
                }
            }
        }
        return false;
    }

    PropertyModel property(Column<?, ?> column) {
        return resolve(column).property();
    }

    private record Resolved(Item item, PropertyModel property, boolean qualified) {}

    private Resolved resolve(Column<?, ?> column) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Item item = scope.find(column);
            if (item != null) {
                PropertyModel property = Objects.requireNonNull(item.model(), "a column resolves to an entity")
                        .property(column.property())
                        .orElseThrow(() -> new InvalidDataAccessApiUsageException(
                                column.entity().getName() + " has no persistent property '" + column.property()
                                        + "'; regenerate the metamodel"));
                return new Resolved(item, property, scope != this || scope.qualify);
            }
        }
        String alias = column.alias();
        if (alias != null) {
            throw new InvalidDataAccessApiUsageException("Column " + column + " uses alias '" + alias
                    + "', which is not in this query; join " + column.entity().getSimpleName() + " with that alias");
        }
        throw new InvalidDataAccessApiUsageException("Column " + column + " belongs to "
                + column.entity().getSimpleName() + ", which is not in this query; join it, or compare it in a"
                + " subquery");
    }

    private @Nullable Item find(Column<?, ?> column) {
        String alias = column.alias();
        Item found = null;
        for (Item item : items) {
            if (item.model() == null || item.model().type() != column.entity()) {
                continue;
            }
            if (alias != null) {
                if (alias.equals(item.alias())) {
                    return item;
                }
                continue;
            }
            if (found != null) {
                throw new InvalidDataAccessApiUsageException("Column " + column + " is ambiguous: "
                        + column.entity().getSimpleName() + " appears more than once in this query; use"
                        + " EntityAlias.get(column) to say which");
            }
            found = item;
        }
        return found;
    }
}
