package io.databridge.query;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A common table expression: a query named in the statement's {@code WITH} clause and read like a table. A statement
 * that reads a CTE anywhere (its {@code FROM}, a join, a subquery, another CTE) gets the {@code WITH} clause on its own,
 * with every CTE it needs in dependency order, each once; {@code WITH RECURSIVE} when one of them is recursive.
 *
 * <pre>{@code
 * Expression<Number> spent = sum(Purchase_.total).as("spent");
 * Cte<Tuple> big = Cte.of("big_spenders", db.from(Purchase.class)
 *         .groupBy(Purchase_.customerId).having(sum(Purchase_.total).gt(100))
 *         .selectTuple(Purchase_.customerId, spent));
 * db.from(Customer.class).join(big, big.get(Purchase_.customerId).eq(Customer_.id)).list();
 *
 * Cte<Employee> team = Cte.recursive("team",
 *         db.from(Employee.class).where(Employee_.id.eq(2L)),
 *         t -> db.from(Employee.class).join(t, Employee_.managerId.eq(t.get(Employee_.id))));
 * db.from(team).orderBy(team.get(Employee_.id).asc()).list();
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param <R> the row type of the CTE's query
 */
public final class Cte<R> extends QueryTable<R> {

    private final @Nullable AbstractResultQuery<R> body;
    private final boolean recursive;

    private Cte(String name, DefaultSelectQuery<R> shape, @Nullable AbstractResultQuery<R> body, boolean recursive) {
        super(name, "CTE", shape);
        this.body = body;
        this.recursive = recursive;
    }

    /**
     * Names a query: {@code WITH "name"("col", ...) AS (query)}.
     *
     * @param name the CTE name, a valid identifier
     * @param query a query built with {@code DataBridge.from(...)}: entities (one column per property) or a
     *     projection (one column per expression, named by the column or by {@code as("name")})
     * @param <R> the row type
     * @return the CTE
     * @throws IllegalArgumentException when the name is null or not a valid identifier, the query is null, or a
     *     projected expression has no name
     */
    public static <R> Cte<R> of(String name, ResultQuery<R> query) {
        requireName(name);
        DefaultSelectQuery<R> shape = shapeOf(query, "Cte.of(\"" + name + "\", query)");
        return new Cte<>(name, shape, (AbstractResultQuery<R>) query, false);
    }

    /**
     * A recursive CTE: {@code WITH RECURSIVE "name"(...) AS ((anchor) UNION ALL (step))}. The step is built from the
     * CTE itself, which it reads to find the next rows (e.g. the employees whose manager is in the CTE); PostgreSQL
     * repeats it until it adds no row. The columns are the anchor's.
     *
     * @param name the CTE name, a valid identifier
     * @param anchor the starting rows
     * @param step builds the recursive part from the CTE; it must select the same columns as the anchor
     * @param <R> the row type
     * @return the CTE
     * @throws IllegalArgumentException when an argument is null or invalid, or the step selects another number of
     *     columns than the anchor
     */
    public static <R> Cte<R> recursive(
            String name, ResultQuery<R> anchor, Function<? super Cte<R>, ? extends ResultQuery<R>> step) {
        requireName(name);
        String what = "Cte.recursive(\"" + name + "\", anchor, step)";
        DefaultSelectQuery<R> shape = shapeOf(anchor, what);
        if (step == null) {
            throw new IllegalArgumentException(what + " needs a step function, not null");
        }
        Cte<R> self = new Cte<>(name, shape, null, true);
        ResultQuery<R> next = step.apply(self);
        int anchorColumns = self.columns.size();
        int stepColumns = shapeOf(next, what + ": the step").state.columnCount();
        if (anchorColumns != stepColumns) {
            throw new IllegalArgumentException(what + ": the step selects " + stepColumns
                    + " columns but the anchor selects " + anchorColumns + "; they must match");
        }
        AbstractResultQuery<R> body = SetOperationQuery.of((AbstractResultQuery<R>) anchor, " UNION ALL ", next);
        return new Cte<>(name, shape, body, true);
    }

    private static void requireName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("A CTE needs a name, not null");
        }
    }

    /** Whether this is the CTE handed to a recursive step (which has no body of its own). */
    boolean selfReference() {
        return body == null;
    }

    boolean recursive() {
        return recursive;
    }

    /** Appends {@code "name"("a", "b") AS (query)}. */
    void renderDefinition(SqlRenderer renderer) {
        if (body == null) {
            throw new IllegalStateException("a self reference has no definition");
        }
        renderer.append(quotedName());
        renderColumnList(renderer);
        renderer.append(" AS (");
        Scope saved = renderer.scope;
        body.renderSelect(renderer, null);
        renderer.scope = saved;
        renderer.append(')');
    }

    @Override
    void shapeDefinition(ShapeKey key) {
        key.add(recursive);
        if (body == null) {
            key.add(null);
        } else {
            body.shape(key);
        }
    }

    @Override
    void renderFrom(SqlRenderer renderer) {
        renderer.useCte(this);
        renderer.append(quotedName());
    }

    static InvalidDataAccessApiUsageException selfReferenceOutside(Cte<?> cte) {
        return new InvalidDataAccessApiUsageException("The CTE handed to the step of Cte.recursive(\"" + cte.name()
                + "\", ...) can only be read inside that step; elsewhere use the Cte that Cte.recursive returned");
    }
}
