package io.databridge.query;

import io.databridge.mapping.EntityModel;
import io.databridge.mapping.PropertyModel;
import io.databridge.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The tables one (sub)query reads from, used to resolve metamodel columns to SQL. A column is qualified when the query
 * reads from more than one table, is nested in another query, or belongs to an enclosing query (correlation). Not
 * thread-safe; one per rendering.
 */
final class Scope {

    /** One table in a {@code FROM} clause: the entity, its alias (or none), and what columns are prefixed with. */
    record Item(EntityModel<?> model, @Nullable String alias, String qualifier) {
        static Item of(EntityModel<?> model, @Nullable String alias) {
            return new Item(
                    model, alias, alias == null ? model.qualifiedTable() : Identifiers.quote(alias, "table alias"));
        }

        String fromClause() {
            return alias == null ? model.qualifiedTable() : model.qualifiedTable() + " AS " + qualifier;
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

    PropertyModel property(Column<?, ?> column) {
        return resolve(column).property();
    }

    private record Resolved(Item item, PropertyModel property, boolean qualified) {}

    private Resolved resolve(Column<?, ?> column) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Item item = scope.find(column);
            if (item != null) {
                PropertyModel property = item.model()
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
            if (item.model().type() != column.entity()) {
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
