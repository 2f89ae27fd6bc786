package io.databridge.query;

import io.databridge.mapping.FetchStrategy;
import java.util.Collection;
import java.util.List;

/**
 * A query over one entity's table, started with {@code DataBridge.from(Class)}, returning entities; or over a {@link
 * Cte} or {@link DerivedTable}, started with {@code DataBridge.from(QueryTable)}, returning its query's rows. Add conditions,
 * order, paging, joins, grouping and locks; project into records, scalars or tuples with {@code select}; or turn it
 * into a bulk {@code DELETE}/{@code UPDATE}/{@code INSERT}. Immutable: every call returns a new query. Thread-safe.
 *
 * <pre>{@code
 * List<User> page = db.from(User.class)
 *         .where(User_.age.gt(25).and(User_.email.endsWith("@example.com")))
 *         .orderBy(User_.createdAt.desc(), User_.name.asc())
 *         .limit(20).offset(40)
 *         .list();
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface SelectQuery<T> extends ResultQuery<T> {

    /**
     * Adds a condition; a second call combines with {@code AND}.
     *
     * @param condition the condition
     * @return a new query
     * @throws IllegalArgumentException when {@code condition} is {@code null}
     */
    SelectQuery<T> where(Condition condition);

    /**
     * Loads a relation with the rows: {@code .fetch(Owner_.pets)}, or a nested path {@code .fetch(Owner_.pets,
     * Pet_.visits)} (which implies {@code Owner_.pets}). Each relation is loaded by one extra statement per level
     * ({@code WHERE fk = ANY(?)}), for all rows at once; {@code limit}/{@code offset} and {@link #count()} apply to the
     * roots only.
     *
     * @param relation a relation of this query's entity
     * @param nested relations continuing the path, each of the previous one's target
     * @return a new query
     * @throws IllegalArgumentException when the path does not continue from one relation's target to the next
     */
    SelectQuery<T> fetch(Relation<T, ?> relation, Relation<?, ?>... nested);

    /**
     * Loads a relation with the rows by the given strategy: {@code .fetch(FetchStrategy.JSON, Owner_.pets,
     * Pet_.visits)} reads owners, pets and visits in one statement; {@code .fetch(FetchStrategy.JOIN, Pet_.owner)}
     * reads each pet's owner through a {@code LEFT JOIN} in the pets' statement. The strategy applies to every relation
     * of the path ({@code JOIN} to its to-ones only); the last strategy given for a relation wins. Paging and {@link
     * #count()} still apply to the roots only.
     *
     * @param strategy how to load the relations of the path
     * @param relation a relation of this query's entity
     * @param nested relations continuing the path, each of the previous one's target
     * @return a new query
     * @throws IllegalArgumentException when the strategy is {@code null} or the path does not continue from one
     *     relation's target to the next
     */
    SelectQuery<T> fetch(FetchStrategy strategy, Relation<T, ?> relation, Relation<?, ?>... nested);

    /**
     * Leaves a relation of the default fetch plan ({@code @Loading(always = true)}) out of this query: {@code
     * .noFetch(Pet_.type)}, or nested {@code .noFetch(Owner_.pets, Pet_.type)} (only the last relation is left out).
     *
     * @param relation a relation of this query's entity
     * @param nested relations continuing the path
     * @return a new query
     * @throws IllegalArgumentException when the path does not continue from one relation's target to the next
     */
    SelectQuery<T> noFetch(Relation<T, ?> relation, Relation<?, ?>... nested);

    @Override
    SelectQuery<T> orderBy(SortOrder... orders);

    @Override
    SelectQuery<T> limit(int limit);

    @Override
    SelectQuery<T> offset(long offset);

    @Override
    SelectQuery<T> fetchSize(int rows);

    /**
     * Reads the root table through an alias, for self-joins and correlated subqueries.
     *
     * @param alias the alias of this query's entity
     * @return a new query
     */
    SelectQuery<T> as(EntityAlias<T> alias);

    /**
     * {@code SELECT DISTINCT}.
     *
     * @return a new query
     */
    SelectQuery<T> distinct();

    /**
     * {@code SELECT DISTINCT ON (expressions)}: the first row of each group in query order.
     *
     * @param expressions the expressions, which must lead the order
     * @return a new query
     */
    SelectQuery<T> distinctOn(Expression<?>... expressions);

    /**
     * {@code JOIN entity ON condition}.
     *
     * @param entity the entity to join
     * @param on the join condition
     * @return a new query
     */
    SelectQuery<T> join(Class<?> entity, Condition on);

    /**
     * Joins a relation's target with the {@code ON} clause from the mapping: {@code join(Pet_.owner)} renders {@code
     * JOIN "owners" ON "pets"."owner_id" = "owners"."id"}; {@code join(Owner_.pets)} (a {@code mappedBy} to-many)
     * renders {@code JOIN "pets" ON "pets"."owner_id" = "owners"."id"}. The join filters and lets conditions and order
     * use the target's columns; it loads nothing into the relation (that is {@link #fetch(Relation, Relation...)}).
     *
     * @param relation a to-one, or a to-many with {@code mappedBy}, of an entity already in the query
     * @return a new query
     * @throws IllegalArgumentException for a one-way {@code @OneToMany} or a {@code @ManyToMany}
     */
    SelectQuery<T> join(Relation<?, ?> relation);

    /**
     * Like {@link #join(Relation)}, as a {@code LEFT JOIN}.
     *
     * @param relation a to-one, or a to-many with {@code mappedBy}
     * @return a new query
     */
    SelectQuery<T> leftJoin(Relation<?, ?> relation);

    /**
     * {@code JOIN entity AS alias ON condition}.
     *
     * @param alias the aliased entity to join
     * @param on the join condition
     * @return a new query
     */
    SelectQuery<T> join(EntityAlias<?> alias, Condition on);

    /**
     * {@code LEFT JOIN entity ON condition}.
     *
     * @param entity the entity to join
     * @param on the join condition
     * @return a new query
     */
    SelectQuery<T> leftJoin(Class<?> entity, Condition on);

    /**
     * {@code LEFT JOIN entity AS alias ON condition}.
     *
     * @param alias the aliased entity to join
     * @param on the join condition
     * @return a new query
     */
    SelectQuery<T> leftJoin(EntityAlias<?> alias, Condition on);

    /**
     * {@code JOIN "cte" ON condition}, or {@code JOIN (SELECT ...) AS "t"(...) ON condition} for a derived table.
     * Compare with the table's columns from {@link QueryTable#get(Expression)}.
     *
     * @param table the CTE or derived table to join
     * @param on the join condition
     * @return a new query
     * @throws IllegalArgumentException when {@code table} or {@code on} is null
     */
    SelectQuery<T> join(QueryTable<?> table, Condition on);

    /**
     * {@code LEFT JOIN} of a CTE or derived table.
     *
     * @param table the CTE or derived table to join
     * @param on the join condition
     * @return a new query
     * @throws IllegalArgumentException when {@code table} or {@code on} is null
     */
    SelectQuery<T> leftJoin(QueryTable<?> table, Condition on);

    /**
     * {@code RIGHT JOIN entity ON condition}.
     *
     * @param entity the entity to join
     * @param on the join condition
     * @return a new query
     */
    SelectQuery<T> rightJoin(Class<?> entity, Condition on);

    /**
     * {@code FULL JOIN entity ON condition}.
     *
     * @param entity the entity to join
     * @param on the join condition
     * @return a new query
     */
    SelectQuery<T> fullJoin(Class<?> entity, Condition on);

    /**
     * {@code CROSS JOIN entity}.
     *
     * @param entity the entity to join
     * @return a new query
     */
    SelectQuery<T> crossJoin(Class<?> entity);

    /**
     * {@code CROSS JOIN table}: a CTE, a derived table, or a {@link DerivedTable#lateral} subquery.
     *
     * @param table the table to join
     * @return a new query
     */
    SelectQuery<T> crossJoin(QueryTable<?> table);

    /**
     * {@code JOIN entity USING ("column", ...)}: joins on columns of the same name in both tables (PostgreSQL then
     * shows each such column once in {@code SELECT *}; qualified references still work).
     *
     * @param entity the entity to join
     * @param columns its columns whose names the tables share
     * @return a new query
     */
    SelectQuery<T> joinUsing(Class<?> entity, Column<?, ?>... columns);

    /**
     * {@code LEFT JOIN entity USING ("column", ...)}.
     *
     * @param entity the entity to join
     * @param columns its columns whose names the tables share
     * @return a new query
     */
    SelectQuery<T> leftJoinUsing(Class<?> entity, Column<?, ?>... columns);

    /**
     * {@code GROUP BY expressions}; select the groups with {@link #select(Class, Expression[])}.
     *
     * @param expressions the grouping expressions
     * @return a new query
     */
    SelectQuery<T> groupBy(Expression<?>... expressions);

    /**
     * {@code HAVING condition}, usually over aggregates.
     *
     * @param condition the condition
     * @return a new query
     */
    SelectQuery<T> having(Condition condition);

    /**
     * {@code FOR UPDATE}: locks the rows read until the transaction ends.
     *
     * @return a new query
     */
    SelectQuery<T> forUpdate();

    /**
     * Declares named windows: {@code WINDOW "w" AS (...)}, after {@code HAVING}. Window functions of this query refer
     * to them by name ({@code rank().over(w)} renders {@code OVER "w"}) or extend them ({@code
     * sum(x).over(w.rowsBetween(...))} renders {@code OVER ("w" ROWS BETWEEN ...)}); a named window may extend one
     * declared before it.
     *
     * <pre>{@code
     * Window w = Window.partitionBy(Employee_.managerId).orderBy(Employee_.salary.desc()).as("w");
     * db.from(Employee.class).window(w).selectTuple(Employee_.name, rank().over(w), sum(Employee_.salary).over(w))
     * }</pre>
     *
     * @param windows windows named with {@link Window#as(String)}
     * @return a new query
     * @throws IllegalArgumentException when a window is unnamed or its name is declared twice
     */
    SelectQuery<T> window(Window... windows);

    /**
     * {@code FOR SHARE}.
     *
     * @return a new query
     */
    SelectQuery<T> forShare();

    /**
     * {@code NOWAIT}: fail at once when a row is locked (needs {@link #forUpdate()} or {@link #forShare()}).
     *
     * @return a new query
     */
    SelectQuery<T> noWait();

    /**
     * {@code SKIP LOCKED}: leave out rows another transaction has locked; the job-queue idiom.
     *
     * @return a new query
     */
    SelectQuery<T> skipLocked();

    /**
     * Keyset pagination: the rows after {@code lastRow} in this query's order, which must end with the id so that it
     * is deterministic. Faster than {@code offset} on deep pages.
     *
     * @param lastRow the last row of the previous page
     * @return a new query
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when the order is not by columns of this
     *     entity ending with its id
     */
    SelectQuery<T> after(T lastRow);

    /**
     * Keyset pagination with the sort-key values of the last row, one per {@code orderBy} key.
     *
     * @param keyValues the values, in order-key order
     * @return a new query
     * @throws IllegalArgumentException when the number of values differs from the number of order keys
     */
    SelectQuery<T> seek(Object... keyValues);

    /**
     * Projects rows into a record (or a class with a constructor taking the values in order); with one expression and
     * a type that has a codec ({@code Long.class}, {@code BigDecimal.class}, ...) it is a scalar query read as that
     * type.
     *
     * @param type the record or class
     * @param expressions one expression per record component, in order
     * @param <R> the row type
     * @return a query returning {@code R}
     */
    <R> ResultQuery<R> select(Class<R> type, Expression<?>... expressions);

    /**
     * Projects one expression: a scalar query.
     *
     * @param expression the expression
     * @param <V> the value type
     * @return a query returning the values
     */
    <V> ResultQuery<V> select(Expression<V> expression);

    /**
     * Projects several expressions into {@link Tuple}s.
     *
     * @param expressions the expressions
     * @return a query returning tuples
     */
    ResultQuery<Tuple> selectTuple(Expression<?>... expressions);

    /**
     * Deletes the rows this query's condition matches ({@code DELETE FROM ... WHERE ...}).
     *
     * @return the number of rows deleted
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when the query has joins, order, limit,
     *     grouping or a projection
     */
    long delete();

    /**
     * Deletes like {@link #delete()} and returns the deleted rows ({@code RETURNING}).
     *
     * @return the deleted rows
     */
    List<T> deleteReturning();

    /**
     * Starts a bulk update of the rows this query's condition matches.
     *
     * @param column the column to set
     * @param value the value, {@code null} for SQL {@code NULL}
     * @param <V> the value type
     * @return the update; run it with {@link UpdateQuery#update()}
     */
    <V> UpdateQuery<T> set(Column<T, V> column, @org.jspecify.annotations.Nullable V value);

    /**
     * Starts a bulk update setting a column to an expression.
     *
     * @param column the column to set
     * @param value the expression
     * @param <V> the value type
     * @return the update
     */
    <V> UpdateQuery<T> set(Column<T, V> column, Expression<? extends V> value);

    /**
     * Starts an insert of entities into this query's table.
     *
     * @param entities the entities, at least one
     * @return the insert; add {@code onConflict} for an upsert
     * @throws IllegalArgumentException when empty
     */
    InsertQuery<T> insert(Collection<? extends T> entities);
}
