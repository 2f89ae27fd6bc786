package io.databridge.query;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A common table expression: a query named in the statement's {@code WITH} clause and read like a table. A statement
 * that reads a CTE anywhere (its {@code FROM}, a join, a subquery, another CTE) gets the {@code WITH} clause on its own,
 * with every CTE it needs in dependency order, each once; {@code WITH RECURSIVE} when one of them is recursive.
 *
 * <pre>{@code
 * Expression<BigDecimal> spent = sum(Purchase_.total).as("spent");
 * Cte<Tuple> big = Cte.of("big_spenders", db.from(Purchase.class)
 *         .groupBy(Purchase_.customerId).having(sum(Purchase_.total).gt(new BigDecimal("100")))
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

    /**
     * What defines a CTE: a query, or a write with {@code RETURNING}; how it renders inside {@code AS (...)} and what
     * its shape is.
     */
    private record Body(Consumer<SqlRenderer> render, Consumer<ShapeKey> shape) {
        static Body of(AbstractResultQuery<?> query) {
            return new Body(renderer -> query.renderSelect(renderer, null), query::shape);
        }
    }

    private final @Nullable Body body;
    private final boolean recursive;

    private Cte(String name, DefaultSelectQuery<R> shape, @Nullable Body body, boolean recursive) {
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
        return new Cte<>(name, shape, Body.of((AbstractResultQuery<R>) query), false);
    }

    /**
     * A data-modifying CTE that deletes: {@code WITH "name"(...) AS (DELETE FROM ... WHERE ... RETURNING ...)}, whose
     * rows are the deleted entities (one column per property). Read it like any CTE, e.g. to move rows in one
     * statement:
     *
     * <pre>{@code
     * Cte<Purchase> moved = Cte.deleteReturning("moved", db.from(Purchase.class).where(Purchase_.total.lt(ten)));
     * db.from(moved)
     *   .selectTuple(moved.get(Purchase_.id), moved.get(Purchase_.customerId), moved.get(Purchase_.total))
     *   .insertInto(ArchivedPurchase.class, ArchivedPurchase_.id, ArchivedPurchase_.customerId, ArchivedPurchase_.total);
     * }</pre>
     *
     * renders {@code WITH "moved"(...) AS (DELETE FROM "purchases" WHERE "total" < ? RETURNING ...) INSERT INTO
     * "purchase_archive" (...) SELECT ... FROM "moved"}. PostgreSQL runs the delete exactly once, whether or not the
     * statement reads all its rows. Inner joins of the query become {@code USING}, as with {@link SelectQuery#delete()}.
     *
     * @param name the CTE name, a valid identifier
     * @param query the rows to delete: an entity query with a condition and inner joins only
     * @param <R> the entity type
     * @return the CTE
     * @throws IllegalArgumentException when the name is invalid or the query was not built with {@code
     *     DataBridge.from(...)}
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when the query has more than a condition and
     *     inner joins
     */
    public static <R> Cte<R> deleteReturning(String name, SelectQuery<R> query) {
        requireName(name);
        if (!(query instanceof DefaultSelectQuery<R> delete)) {
            throw new IllegalArgumentException("Cte.deleteReturning(\"" + name + "\", query) needs a query built with"
                    + " DataBridge.from(...), not " + query);
        }
        Writes.requirePlain(delete.state, "Cte.deleteReturning(\"" + name + "\", query)");
        return writing(name, delete, renderer -> Writes.renderDelete(delete, renderer, true), key -> {
            key.add("delete");
            delete.shape(key);
        });
    }

    /**
     * A data-modifying CTE that updates: {@code WITH "name"(...) AS (UPDATE ... SET ... RETURNING ...)}, whose rows are
     * the updated entities as stored.
     *
     * @param name the CTE name, a valid identifier
     * @param update an update built with {@code db.from(X.class).where(...).set(...)}
     * @param <R> the entity type
     * @return the CTE
     * @throws IllegalArgumentException when the name is invalid or the update was not built by the DSL
     */
    public static <R> Cte<R> updateReturning(String name, UpdateQuery<R> update) {
        requireName(name);
        if (!(update instanceof DefaultUpdateQuery<R> write)) {
            throw new IllegalArgumentException("Cte.updateReturning(\"" + name + "\", update) needs an update built"
                    + " with DataBridge.from(...).set(...), not " + update);
        }
        return writing(name, write.query(), renderer -> write.renderInto(renderer, true), key -> {
            key.add("update");
            write.shape(key);
        });
    }

    /**
     * A data-modifying CTE that inserts: {@code WITH "name"(...) AS (INSERT INTO ... VALUES ... RETURNING ...)}, whose
     * rows are the inserted entities as stored (generated ids included).
     *
     * @param name the CTE name, a valid identifier
     * @param insert an insert built with {@code db.from(X.class).insert(...)}, with its {@code ON CONFLICT} if any
     * @param <R> the entity type
     * @return the CTE
     * @throws IllegalArgumentException when the name is invalid or the insert was not built by the DSL
     */
    public static <R> Cte<R> insertReturning(String name, InsertQuery<R> insert) {
        requireName(name);
        if (!(insert instanceof DefaultInsertQuery<R> write)) {
            throw new IllegalArgumentException("Cte.insertReturning(\"" + name + "\", insert) needs an insert built"
                    + " with DataBridge.from(...).insert(...), not " + insert);
        }
        return writing(name, write.query(), renderer -> write.renderInto(renderer, true), key -> {
            key.add("insert");
            write.shape(key);
        });
    }

    /** A data-modifying CTE: its rows are entities of {@code rows}'s table, returned by the write it renders. */
    private static <R> Cte<R> writing(
            String name, DefaultSelectQuery<R> rows, Consumer<SqlRenderer> write, Consumer<ShapeKey> shape) {
        return new Cte<>(name, rows, new Body(write, shape), false);
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
        return new Cte<>(name, shape, Body.of(body), true);
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
        body.render().accept(renderer);
        renderer.scope = saved;
        renderer.append(')');
    }

    @Override
    void shapeDefinition(ShapeKey key) {
        key.add(recursive);
        if (body == null) {
            key.add(null);
        } else {
            body.shape().accept(key);
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
