package io.databridge.query;

import io.databridge.internal.jdbc.RelationLink;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.sql.Identifiers;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * {@code [NOT] EXISTS} over a to-many relation ({@link ToMany#any(Condition)}, {@link ToMany#none(Condition)}): a
 * subquery on the related table, correlated with the declaring entity of the enclosing query through the relation's
 * foreign key or join table, so a root matches once however many related rows match. The condition's columns resolve
 * against the related table first, then outwards, so conditions nest ({@code owner -> pets -> visits}).
 *
 * <p>Shape: the relation (declaring entity and property), the negation and the condition's shape; the aliases follow
 * from the enclosing query's shape, so equal shapes render equal text.
 */
final class RelationExists extends Condition {

    private final ToMany<?, ?> relation;
    private final @Nullable Condition condition;
    private final boolean negated;

    RelationExists(ToMany<?, ?> relation, @Nullable Condition condition, boolean negated) {
        this.relation = relation;
        this.condition = condition;
        this.negated = negated;
    }

    @Override
    void render(SqlRenderer renderer) {
        EntityModel<?> source = renderer.models.get(relation.entity());
        EntityModel<?> target = renderer.models.get(relation.target());
        Scope outer = renderer.scope;
        String sourceId;
        try {
            sourceId = outer.qualifiedColumn(Column.of(
                    source.type(), source.id().name(), source.id().valueType().rawType()));
        } catch (InvalidDataAccessApiUsageException ex) {
            if (!String.valueOf(ex.getMessage()).contains("not in this query")) {
                throw ex;
            }
            throw new InvalidDataAccessApiUsageException(
                    relation + ".any/none(...) compares the " + relation.property()
                            + " of each " + source.type().getSimpleName() + " row, but this query does not read "
                            + source.type().getSimpleName() + "; use it in a query from (or joining) "
                            + source.type().getSimpleName(),
                    ex);
        }
        String alias = outer.aliasFor(target.qualifiedTable(), "t");
        Scope.Item item = Scope.Item.of(target, alias);
        renderer.append(negated ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ");
        if (!renderer.valuesOnly) {
            RelationLink link = renderer.links.link(source.type(), relation.property());
            String joinTable = link.joinTable();
            if (joinTable == null) {
                renderer.append(item.fromClause())
                        .append(" WHERE ")
                        .append(item.qualifier())
                        .append(".")
                        .append(link.foreignKey());
            } else {
                String join = Identifiers.quote(outer.freeAlias("j"), "table alias");
                renderer.append(joinTable).append(" AS ").append(join);
                if (condition != null) {
                    renderer.append(" JOIN ")
                            .append(item.fromClause())
                            .append(" ON ")
                            .append(item.qualifier())
                            .append(".")
                            .append(target.id().quotedColumn())
                            .append(" = ")
                            .append(join)
                            .append(".")
                            .append(Objects.requireNonNull(link.inverseColumn(), "a join table's column"));
                }
                renderer.append(" WHERE ").append(join).append(".").append(link.foreignKey());
            }
            renderer.append(" = ").append(sourceId);
        }
        if (condition != null) {
            renderer.scope = new Scope(outer, List.of(item));
            try {
                renderer.append(" AND ");
                if (condition instanceof Conditions.Junction) {
                    renderer.append('(');
                    condition.render(renderer);
                    renderer.append(')');
                } else {
                    condition.render(renderer);
                }
            } finally {
                renderer.scope = outer;
            }
        }
        renderer.append(')');
    }

    @Override
    void shape(ShapeKey key) {
        key.add(RelationExists.class)
                .add(relation.entity())
                .add(relation.property())
                .add(negated);
        if (condition == null) {
            key.add(null);
        } else {
            condition.shape(key);
        }
    }

    @Override
    public String toString() {
        return (negated ? "none " : "any ") + relation + (condition == null ? "" : " " + condition);
    }
}
