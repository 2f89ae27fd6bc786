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
    private final boolean lateral;

    private DerivedTable(String name, DefaultSelectQuery<R> shape, AbstractResultQuery<R> query, boolean lateral) {
        super(name, "derived table", shape);
        this.query = query;
        this.lateral = lateral;
    }

    /**
     * Names a {@code LATERAL} subquery: like {@link #of}, but the query may read columns of the tables before it in
     * the enclosing query's {@code FROM}, e.g. each customer's three latest purchases:
     *
     * <pre>{@code
     * DerivedTable<Purchase> latest = DerivedTable.lateral("latest", db.from(Purchase.class)
     *         .where(Purchase_.customerId.eq(Customer_.id)).orderBy(Purchase_.id.desc()).limit(3));
     * db.from(Customer.class).crossJoin(latest).selectTuple(Customer_.name, latest.get(Purchase_.total))
     * }</pre>
     *
     * renders {@code CROSS JOIN LATERAL (SELECT ... WHERE "purchases"."customer_id" = "customers"."id" ...) AS
     * "latest"(...)}. Join it with {@code crossJoin}, {@code join} or {@code leftJoin} (a left join keeps the rows
     * for which the subquery returns nothing).
     *
     * @param name the table alias, a valid identifier
     * @param query the subquery
     * @param <R> the row type
     * @return the derived table
     * @throws IllegalArgumentException as for {@link #of}
     */
    public static <R> DerivedTable<R> lateral(String name, ResultQuery<R> query) {
        if (name == null) {
            throw new IllegalArgumentException("A derived table needs a name, not null");
        }
        DefaultSelectQuery<R> shape = shapeOf(query, "DerivedTable.lateral(\"" + name + "\", query)");
        return new DerivedTable<>(name, shape, (AbstractResultQuery<R>) query, true);
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
        return new DerivedTable<>(name, shape, (AbstractResultQuery<R>) query, false);
    }

    @Override
    void shapeDefinition(ShapeKey key) {
        key.add(lateral);
        query.shape(key);
    }

    @Override
    void renderFrom(SqlRenderer renderer) {
        renderer.append(lateral ? "LATERAL (" : "(");
        Scope saved = renderer.scope;
        // A LATERAL subquery sees the enclosing query's tables; a plain one sees none.
        query.renderSelect(renderer, lateral ? saved : null);
        renderer.scope = saved;
        renderer.append(") AS ").append(quotedName());
        renderColumnList(renderer);
    }
}
