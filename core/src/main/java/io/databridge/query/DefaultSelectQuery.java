package io.databridge.query;

import io.databridge.internal.model.EntityModel;
import io.databridge.mapping.FetchStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The immutable {@link SelectQuery}: each step copies the {@link SelectState}. Renders itself once, on first use.
 * Thread-safe.
 *
 * @param <R> the row type (the entity, or a projection)
 */
final class DefaultSelectQuery<R> extends AbstractResultQuery<R> implements SelectQuery<R> {

    final SelectState state;

    private DefaultSelectQuery(RenderingExecutor executor, SelectState state) {
        super(executor);
        this.state = state;
    }

    static <T> DefaultSelectQuery<T> entity(RenderingExecutor executor, EntityModel<T> model) {
        return new DefaultSelectQuery<>(executor, new SelectState(model));
    }

    static <T> DefaultSelectQuery<T> table(QueryTable<T> table) {
        return new DefaultSelectQuery<>(table.shape().executor, new SelectState(table));
    }

    static DefaultSelectQuery<?> of(ResultQuery<?> query) {
        if (query instanceof DefaultSelectQuery<?> select) {
            return select;
        }
        throw new IllegalArgumentException("A subquery must be a query built with DataBridge.from(...), not " + query);
    }

    private <X> DefaultSelectQuery<X> with(Consumer<SelectState.Builder> change) {
        return new DefaultSelectQuery<>(executor, state.with(change));
    }

    private DefaultSelectQuery<R> change(Consumer<SelectState.Builder> change) {
        return with(change);
    }

    // ---- building ----------------------------------------------------------------------------------------------

    @Override
    public SelectQuery<R> where(Condition condition) {
        Condition.requireCondition(condition);
        return change(s -> s.where = s.where == null ? condition : s.where.and(condition));
    }

    @Override
    public SelectQuery<R> orderBy(SortOrder... orders) {
        for (SortOrder order : orders) {
            if (order == null) {
                throw new IllegalArgumentException("orderBy(...) got a null sort order");
            }
        }
        List<SortOrder> copy = List.of(orders);
        return change(s -> s.orderBy = copy);
    }

    @Override
    public SelectQuery<R> limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 but was " + limit);
        }
        return change(s -> s.limit = limit);
    }

    @Override
    public SelectQuery<R> offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
        }
        return change(s -> s.offset = offset);
    }

    @Override
    public SelectQuery<R> fetchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("fetchSize must be >= 1 but was " + rows);
        }
        return change(s -> s.fetchSize = rows);
    }

    @Override
    public SelectQuery<R> as(EntityAlias<R> alias) {
        if (alias.entity() != state.entity("as(alias)").type()) {
            throw new IllegalArgumentException("The alias " + alias + " is not for " + state.rootName());
        }
        return change(s -> s.rootAlias = alias.name());
    }

    @Override
    public SelectQuery<R> distinct() {
        return change(s -> s.distinct = true);
    }

    @Override
    public SelectQuery<R> distinctOn(Expression<?>... expressions) {
        List<Expression<?>> copy = Expression.copy(expressions);
        return change(s -> s.distinctOn = copy);
    }

    @Override
    public SelectQuery<R> join(Class<?> entity, Condition on) {
        return join("JOIN", entity, null, Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> join(Relation<?, ?> relation) {
        return join("JOIN", relation);
    }

    @Override
    public SelectQuery<R> leftJoin(Relation<?, ?> relation) {
        return join("LEFT JOIN", relation);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SelectQuery<R> join(String keyword, Relation<?, ?> relation) {
        if (relation == null) {
            throw new IllegalArgumentException("join(...) needs a relation of the generated metamodel, not null");
        }
        io.databridge.internal.model.EntityModels models = executor.models();
        EntityModel<?> source = models.get(relation.entity());
        EntityModel<?> target = models.get(relation.target());
        io.databridge.internal.model.RelationProperty property = source.relation(relation.property())
                .orElseThrow(() -> new IllegalArgumentException(
                        relation + " is not a relation of " + source.type().getSimpleName()));
        Condition on;
        if (property.column() != null) {
            Column fk = Column.of(source.type(), property.name(), property.target());
            on = fk.eq((Expression) Column.of(
                    target.type(), target.id().name(), target.id().valueType().rawType()));
        } else {
            io.databridge.mapping.OneToMany oneToMany =
                    property.element().getAnnotation(io.databridge.mapping.OneToMany.class);
            io.databridge.mapping.OneToOne oneToOne =
                    property.element().getAnnotation(io.databridge.mapping.OneToOne.class);
            String mappedBy = oneToMany != null ? oneToMany.mappedBy() : oneToOne != null ? oneToOne.mappedBy() : "";
            if (mappedBy.isEmpty()) {
                throw new IllegalArgumentException("Cannot join " + relation + ": only to-one relations and to-many"
                        + " relations with mappedBy render their ON clause; join the tables with join(Class,"
                        + " Condition)");
            }
            Column fk = Column.of(target.type(), mappedBy, source.type());
            on = fk.eq((Expression) Column.of(
                    source.type(), source.id().name(), source.id().valueType().rawType()));
        }
        return join(keyword, target.type(), null, on);
    }

    @Override
    public SelectQuery<R> join(EntityAlias<?> alias, Condition on) {
        return join("JOIN", alias.entity(), alias.name(), Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> leftJoin(Class<?> entity, Condition on) {
        return join("LEFT JOIN", entity, null, Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> leftJoin(EntityAlias<?> alias, Condition on) {
        return join("LEFT JOIN", alias.entity(), alias.name(), Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> rightJoin(Class<?> entity, Condition on) {
        return join("RIGHT JOIN", entity, null, Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> fullJoin(Class<?> entity, Condition on) {
        return join("FULL JOIN", entity, null, Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> crossJoin(Class<?> entity) {
        return join("CROSS JOIN", entity, null, null);
    }

    @Override
    public SelectQuery<R> join(QueryTable<?> table, Condition on) {
        return join("JOIN", table, Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> leftJoin(QueryTable<?> table, Condition on) {
        return join("LEFT JOIN", table, Condition.requireCondition(on));
    }

    @Override
    public SelectQuery<R> crossJoin(QueryTable<?> table) {
        if (table == null) {
            throw new IllegalArgumentException("A join needs a Cte or DerivedTable, not null");
        }
        SelectState.Join join = new SelectState.Join("CROSS JOIN", Scope.Item.of(table), null);
        return change(s -> s.joins = s.withJoin(join));
    }

    @Override
    public SelectQuery<R> joinUsing(Class<?> entity, Column<?, ?>... columns) {
        return join("JOIN", entity, null, Conditions.Using.of(entity, columns));
    }

    @Override
    public SelectQuery<R> leftJoinUsing(Class<?> entity, Column<?, ?>... columns) {
        return join("LEFT JOIN", entity, null, Conditions.Using.of(entity, columns));
    }

    private SelectQuery<R> join(String keyword, Class<?> entity, @Nullable String alias, @Nullable Condition on) {
        if (entity == null) {
            throw new IllegalArgumentException("A join needs an entity class, not null");
        }
        EntityModel<?> model = executor.models().get(entity);
        SelectState.Join join = new SelectState.Join(keyword, Scope.Item.of(model, alias), on);
        return change(s -> s.joins = s.withJoin(join));
    }

    private SelectQuery<R> join(String keyword, QueryTable<?> table, Condition on) {
        if (table == null) {
            throw new IllegalArgumentException("A join needs a Cte or DerivedTable, not null");
        }
        SelectState.Join join = new SelectState.Join(keyword, Scope.Item.of(table), on);
        return change(s -> s.joins = s.withJoin(join));
    }

    @Override
    public SelectQuery<R> groupBy(Expression<?>... expressions) {
        List<Expression<?>> copy = Expression.copy(expressions);
        return change(s -> s.groupBy = copy);
    }

    @Override
    public SelectQuery<R> having(Condition condition) {
        Condition.requireCondition(condition);
        return change(s -> s.having = s.having == null ? condition : s.having.and(condition));
    }

    @Override
    public SelectQuery<R> window(Window... windows) {
        List<Window> declared = new ArrayList<>(state.windows);
        for (Window window : windows) {
            String name = window == null ? null : window.name();
            if (name == null) {
                throw new IllegalArgumentException("window(...) declares named windows: name each with"
                        + " Window.partitionBy(...).as(\"w\"), got " + window);
            }
            for (Window known : declared) {
                if (name.equals(known.name())) {
                    throw new IllegalArgumentException(
                            "window(...): the query already declares a window named \"" + name + "\"");
                }
            }
            declared.add(window);
        }
        List<Window> copy = List.copyOf(declared);
        return change(s -> s.windows = copy);
    }

    @Override
    public SelectQuery<R> forUpdate() {
        return change(s -> s.lock = " FOR UPDATE");
    }

    @Override
    public SelectQuery<R> forShare() {
        return change(s -> s.lock = " FOR SHARE");
    }

    @Override
    public SelectQuery<R> noWait() {
        requireLock("noWait()");
        return change(s -> s.lockWait = " NOWAIT");
    }

    @Override
    public SelectQuery<R> skipLocked() {
        requireLock("skipLocked()");
        return change(s -> s.lockWait = " SKIP LOCKED");
    }

    private void requireLock(String method) {
        if (state.lock == null) {
            throw new InvalidDataAccessApiUsageException(
                    method + " needs a lock: call forUpdate() or forShare() first");
        }
    }

    @Override
    public SelectQuery<R> after(R lastRow) {
        if (lastRow == null) {
            throw new IllegalArgumentException("after(null): pass the last row of the previous page");
        }
        if (state.shape != SelectState.Shape.ENTITY || state.rootTable != null) {
            throw new InvalidDataAccessApiUsageException("after(lastRow) works on entity queries; use seek(values)");
        }
        Keyset.check(state);
        return change(s -> {
            s.seekRow = lastRow;
            s.seekValues = null;
        });
    }

    @Override
    public SelectQuery<R> seek(Object... keyValues) {
        if (keyValues.length != state.orderBy.size() || state.orderBy.isEmpty()) {
            throw new IllegalArgumentException("seek(...) needs one value per orderBy key: the order has "
                    + state.orderBy.size() + " keys but " + keyValues.length + " values were given");
        }
        List<Object> values = new ArrayList<>();
        for (Object value : keyValues) {
            values.add(Values.notNull(value, "seek", "query"));
        }
        return change(s -> {
            s.seekValues = List.copyOf(values);
            s.seekRow = null;
        });
    }

    @Override
    public <X> ResultQuery<X> select(Class<X> type, Expression<?>... expressions) {
        if (type == null) {
            throw new IllegalArgumentException("select(type, ...): type must not be null");
        }
        List<Expression<?>> copy = Expression.copy(expressions);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(
                    "select(" + type.getSimpleName() + ", ...) needs at least one expression");
        }
        if (copy.size() == 1
                && !type.isRecord()
                && executor.models()
                        .codecs()
                        .find(io.databridge.types.ValueType.of(type))
                        .isPresent()) {
            return selectAs(type, copy.get(0));
        }
        return with(s -> {
            s.shape = SelectState.Shape.CONSTRUCTOR;
            s.projection = copy;
            s.rowType = type;
        });
    }

    @Override
    public <V> ResultQuery<V> select(Expression<V> expression) {
        List<Expression<?>> copy = Expression.copy(new Expression<?>[] {expression});
        return with(s -> {
            s.shape = SelectState.Shape.SCALAR;
            s.projection = copy;
            s.rowType = expression.javaType();
        });
    }

    /**
     * A scalar projection read as a given class, e.g. {@code sum} of an {@code int} column as {@code Long}.
     *
     * @param type the class to read values as
     * @param expression the expression
     * @param <V> the value type
     * @return a scalar query
     */
    <V> ResultQuery<V> selectAs(Class<V> type, Expression<?> expression) {
        List<Expression<?>> copy = Expression.copy(new Expression<?>[] {expression});
        return with(s -> {
            s.shape = SelectState.Shape.SCALAR;
            s.projection = copy;
            s.rowType = type;
        });
    }

    @Override
    public ResultQuery<Tuple> selectTuple(Expression<?>... expressions) {
        List<Expression<?>> copy = Expression.copy(expressions);
        return with(s -> {
            s.shape = SelectState.Shape.TUPLE;
            s.projection = copy;
            s.rowType = Tuple.class;
        });
    }

    @Override
    public ResultQuery<R> union(ResultQuery<R> other) {
        return SetOperationQuery.of(this, " UNION ", other);
    }

    @Override
    public ResultQuery<R> unionAll(ResultQuery<R> other) {
        return SetOperationQuery.of(this, " UNION ALL ", other);
    }

    @Override
    public ResultQuery<R> intersect(ResultQuery<R> other) {
        return SetOperationQuery.of(this, " INTERSECT ", other);
    }

    @Override
    public ResultQuery<R> except(ResultQuery<R> other) {
        return SetOperationQuery.of(this, " EXCEPT ", other);
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    @Override
    public long delete() {
        return Writes.delete(this);
    }

    @Override
    public List<R> deleteReturning() {
        return Writes.deleteReturning(this);
    }

    @Override
    public <V> UpdateQuery<R> set(Column<R, V> column, @Nullable V value) {
        return DefaultUpdateQuery.start(this).set(column, value);
    }

    @Override
    public <V> UpdateQuery<R> set(Column<R, V> column, Expression<? extends V> value) {
        return DefaultUpdateQuery.start(this).set(column, value);
    }

    @Override
    public InsertQuery<R> insert(Collection<? extends R> entities) {
        state.entity("insert(...)");
        return DefaultInsertQuery.start(this, entities);
    }

    @Override
    public SelectQuery<R> fetch(Relation<R, ?> relation, Relation<?, ?>... nested) {
        return addFetch("", "fetch(...)", relation, nested);
    }

    @Override
    public SelectQuery<R> fetch(FetchStrategy strategy, Relation<R, ?> relation, Relation<?, ?>... nested) {
        if (strategy == null) {
            throw new IllegalArgumentException("fetch(strategy, ...) needs a FetchStrategy, not null");
        }
        return addFetch(strategy.name() + ":", "fetch(...)", relation, nested);
    }

    @Override
    public SelectQuery<R> noFetch(Relation<R, ?> relation, Relation<?, ?>... nested) {
        return addFetch("!", "noFetch(...)", relation, nested);
    }

    /** Adds a fetch path, in the loader's form: {@code "pets.visits"}, {@code "JSON:pets"}, {@code "!pets.type"}. */
    private SelectQuery<R> addFetch(String prefix, String what, Relation<R, ?> relation, Relation<?, ?>... nested) {
        if (relation == null) {
            throw new IllegalArgumentException(what + " needs a relation of the generated metamodel, not null");
        }
        EntityModel<?> root = state.entity(what);
        if (relation.entity() != root.type()) {
            throw new IllegalArgumentException("Cannot fetch " + relation + ": it is a relation of "
                    + relation.entity().getSimpleName() + ", not of "
                    + root.type().getSimpleName());
        }
        StringBuilder path = new StringBuilder(prefix).append(relation.property());
        Relation<?, ?> previous = relation;
        for (Relation<?, ?> next : nested) {
            if (next == null || next.entity() != previous.target()) {
                throw new IllegalArgumentException("Cannot fetch " + previous + " then " + next + ": a nested path"
                        + " continues with a relation of " + previous.target().getSimpleName());
            }
            path.append('.').append(next.property());
            previous = next;
        }
        String added = path.toString();
        return change(s -> {
            List<String> fetches = new ArrayList<>(s.fetches);
            fetches.remove(added);
            fetches.add(added);
            s.fetches = List.copyOf(fetches);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<R> list() {
        if (state.shape != SelectState.Shape.ENTITY
                || state.rootTable != null
                || state.root == null
                || state.root.type() != state.rowType) {
            // Projections, and rows of a CTE or derived table (tuples, scalars, records): no relations to load.
            return super.list();
        }
        // Through the relation loader: relations fetched by JOIN or JSON are read in this statement, the entity's
        // default plan applies; with nothing to load it runs the statement as it is.
        Rendered<R> query = rendered();
        RowReader<R> reader = query.reader();
        return executor.select((Class<R>) state.rowType, task(), query.sql(), query::bind, reader::read, state.fetches);
    }

    // ---- execution and rendering -------------------------------------------------------------------------------

    @Override
    public java.util.stream.Stream<R> stream() {
        if (!state.fetches.isEmpty() && state.shape == SelectState.Shape.ENTITY) {
            throw new InvalidDataAccessApiUsageException("stream() cannot load fetched relations (they are loaded"
                    + " for a whole result at once); use list(), or page with limit/offset or keyset");
        }
        return super.stream();
    }

    @Override
    String task() {
        return "query " + state.rootName();
    }

    @Override
    AbstractResultQuery<R> withLimit(int limit) {
        return state.limit != null && state.limit <= limit ? this : change(s -> s.limit = limit);
    }

    @Override
    int fetchRows() {
        return state.fetchSize;
    }

    @Override
    public long count() {
        if (state.needsWrappingForCount() || state.shape != SelectState.Shape.ENTITY) {
            return super.count();
        }
        ShapeKey key = executor.key("count(*)");
        state.shape(key);
        return scalarLong(executor.rendered(key, renderer -> {
            Scope scope = openScope(renderer, null);
            renderer.append("SELECT count(*)");
            renderFromAndWhere(renderer, scope);
            return null;
        }));
    }

    @Override
    void shape(ShapeKey key) {
        state.shape(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    @Nullable
    RowReader<R> renderSelect(SqlRenderer renderer, @Nullable Scope outer) {
        return (RowReader<R>) SelectRenderer.render(state, executor.models(), renderer, outer);
    }

    Scope openScope(SqlRenderer renderer, @Nullable Scope outer) {
        return SelectRenderer.openScope(state, renderer, outer);
    }

    void renderFromAndWhere(SqlRenderer renderer, Scope scope) {
        SelectRenderer.renderFromAndWhere(state, renderer, scope);
    }

    @Override
    DefaultSelectQuery<R> leftmost() {
        return this;
    }

    @Override
    public String toString() {
        return "SelectQuery[" + state.rootName() + "]";
    }
}
