package io.databridge.query;

/**
 * A subquery in {@code FROM}, under a name: {@code (SELECT ...) AS "name"("col", ...)}. Read it with {@code
 * db.from(table)} or join it; its columns are typed {@link DerivedColumn}s from {@link #get(Expression)}. Unlike a
 * {@link Cte} it is written where it is used, and cannot see the columns of the query around it (no {@code LATERAL}).
 *
 * <pre>{@code
 * DerivedTable<Tuple> totals = DerivedTable.of("totals", db.from(Purchase.class)
 *         .groupBy(Purchase_.customerId)
 *         .selectTuple(Purchase_.customerId, sum(Purchase_.total).as("spent")));
 * db.from(totals).where(totals.column("spent", BigDecimal.class).gt(new BigDecimal("100"))).list();
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param <R> the row type of the subquery
 */
public final class DerivedTable<R> extends QueryTable<R> {

    private final AbstractResultQuery<R> query;

    private DerivedTable(String name, DefaultSelectQuery<R> shape, AbstractResultQuery<R> query) {
        super(name, "derived table", shape);
        this.query = query;
    }

    /**
     * Names a subquery for use in {@code FROM} or a join.
     *
     * @param name the table alias, a valid identifier
     * @param query a query built with {@code DataBridge.from(...)}: entities (one column per property) or a
     *     projection (one column per expression, named by the column or by {@code as("name")})
     * @param <R> the row type
     * @return the derived table
     * @throws IllegalArgumentException when the name is null or not a valid identifier, the query is null, or a
     *     projected expression has no name
     */
    public static <R> DerivedTable<R> of(String name, ResultQuery<R> query) {
        if (name == null) {
            throw new IllegalArgumentException("A derived table needs a name, not null");
        }
        DefaultSelectQuery<R> shape = shapeOf(query, "DerivedTable.of(\"" + name + "\", query)");
        return new DerivedTable<>(name, shape, (AbstractResultQuery<R>) query);
    }

    @Override
    void renderFrom(SqlRenderer renderer) {
        renderer.append('(');
        Scope saved = renderer.scope;
        query.renderSelect(renderer, null);
        renderer.scope = saved;
        renderer.append(") AS ").append(quotedName());
        renderColumnList(renderer);
    }
}
