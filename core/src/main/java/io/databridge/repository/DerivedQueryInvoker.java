package io.databridge.repository;

import io.databridge.internal.model.InterfaceProjection;
import io.databridge.query.Column;
import io.databridge.query.Condition;
import io.databridge.query.Expression;
import io.databridge.query.ResultQuery;
import io.databridge.query.SelectQuery;
import io.databridge.query.SortOrder;
import io.databridge.query.SqlStatement;
import io.databridge.query.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * The compiled derived query methods. Each holds the query DSL template built at startup ({@code db.from(T)} with
 * distinct) and the compiled criteria; per call it adds the condition built from the arguments, the order and the
 * paging, and runs the query. Immutable and thread-safe.
 */
final class DerivedQueryInvoker {

    private DerivedQueryInvoker() {}

    /** A compiled derived query, which can show the statement a call would run. */
    interface DerivedQuery extends MethodInvoker {
        /**
         * The {@code SELECT} a call with these arguments runs (counts, exists and deletes wrap or rewrite it), for
         * tests and diagnostics.
         *
         * @param args the call's arguments
         * @return the statement
         */
        SqlStatement toSql(@Nullable Object[] args);
    }

    private static <T> SelectQuery<T> filtered(SelectQuery<T> base, DerivedCriteria criteria, @Nullable Object[] args) {
        Condition where = criteria.where(args);
        return where == null ? base : base.where(where);
    }

    /** {@code countBy...}. */
    record Count(SelectQuery<?> base, DerivedCriteria criteria, boolean asInt) implements DerivedQuery {
        @Override
        public SqlStatement toSql(@Nullable Object[] args) {
            return filtered(base, criteria, args).toSql();
        }

        @Override
        public Object invoke(Object proxy, @Nullable Object[] args) {
            long count = filtered(base, criteria, args).count();
            return asInt ? (Object) Math.toIntExact(count) : (Object) count;
        }
    }

    /** {@code existsBy...}. */
    record Exists(SelectQuery<?> base, DerivedCriteria criteria) implements DerivedQuery {
        @Override
        public SqlStatement toSql(@Nullable Object[] args) {
            return filtered(base, criteria, args).toSql();
        }

        @Override
        public Object invoke(Object proxy, @Nullable Object[] args) {
            return filtered(base, criteria, args).exists();
        }
    }

    /** {@code deleteBy...} / {@code removeBy...}: one {@code DELETE} statement. */
    record Delete(SelectQuery<?> base, DerivedCriteria criteria, int result) implements DerivedQuery {
        @Override
        public SqlStatement toSql(@Nullable Object[] args) {
            return filtered(base, criteria, args).toSql();
        }

        static final int VOID = 0;
        static final int LONG = 1;
        static final int INT = 2;
        static final int ROWS = 3;

        @Override
        public @Nullable Object invoke(Object proxy, @Nullable Object[] args) {
            SelectQuery<?> query = filtered(base, criteria, args);
            if (result == ROWS) {
                return query.deleteReturning();
            }
            long deleted = query.delete();
            return switch (result) {
                case LONG -> deleted;
                case INT -> Math.toIntExact(deleted);
                default -> null;
            };
        }
    }

    /** {@code findBy...} and its synonyms, returning entities, or record or interface projections. */
    static final class Find<T> implements DerivedQuery {
        private final SelectQuery<T> base;
        private final DerivedCriteria criteria;
        private final EntityOrder order;
        private final List<SortOrder> staticOrder;
        private final List<SortOrder> idOrder;
        private final @Nullable Integer top;
        private final int pageableIndex;
        private final int sortIndex;
        private final ResultShape shape;
        private final Class<?> rowType;
        private final Expression<?> @Nullable [] projection;
        private final @Nullable InterfaceProjection<?> adapter;

        Find(
                SelectQuery<T> base,
                DerivedCriteria criteria,
                EntityOrder order,
                List<SortOrder> staticOrder,
                List<SortOrder> idOrder,
                @Nullable Integer top,
                int pageableIndex,
                int sortIndex,
                ResultShape shape,
                Class<?> rowType,
                @Nullable List<Column<?, Object>> projection,
                @Nullable InterfaceProjection<?> adapter) {
            this.base = base;
            this.criteria = criteria;
            this.order = order;
            this.staticOrder = List.copyOf(staticOrder);
            this.idOrder = List.copyOf(idOrder);
            this.top = top;
            this.pageableIndex = pageableIndex;
            this.sortIndex = sortIndex;
            this.shape = shape;
            this.rowType = rowType;
            this.projection = projection == null ? null : projection.toArray(Expression<?>[]::new);
            this.adapter = adapter;
        }

        @Override
        public SqlStatement toSql(@Nullable Object[] args) {
            return rows(filtered(base, criteria, args), pageable(args), args).toSql();
        }

        private Pageable pageable(@Nullable Object[] args) {
            return pageableIndex >= 0 && args[pageableIndex] != null
                    ? (Pageable) args[pageableIndex]
                    : Pageable.unpaged();
        }

        @Override
        public @Nullable Object invoke(Object proxy, @Nullable Object[] args) {
            SelectQuery<T> query = filtered(base, criteria, args);
            Pageable pageable = pageable(args);
            ResultQuery<?> result = rows(query, pageable, args);
            return switch (shape) {
                case LIST -> list(result);
                case STREAM ->
                    adapter == null ? result.stream() : result.stream().map(this::adapt);
                case SINGLE -> ResultShape.single(list(result));
                case OPTIONAL -> Optional.ofNullable(ResultShape.single(list(result)));
                case SLICE -> ResultShape.slice(list(result), pageable);
                case VOID, COUNT -> throw new IllegalStateException("not a find: " + shape);
                case PAGE -> {
                    List<?> content = list(result);
                    yield pageable.isUnpaged()
                            ? new PageImpl<>(new ArrayList<>(content))
                            : PageableExecutionUtils.getPage(
                                    content, pageable, () -> project(query).count());
                }
            };
        }

        /** Adds order, limit and offset, and the projection. */
        private ResultQuery<?> rows(SelectQuery<T> query, Pageable pageable, @Nullable Object[] args) {
            Sort sort = sortIndex >= 0 && args[sortIndex] != null ? (Sort) args[sortIndex] : Sort.unsorted();
            sort = sort.and(pageable.getSort());
            List<SortOrder> orders = staticOrder;
            if (sort.isSorted()) {
                orders = new ArrayList<>(staticOrder);
                orders.addAll(order.sortOrders(sort));
            } else if (orders.isEmpty() && pageable.isPaged() && projection == null) {
                orders = idOrder; // stable pages
            }
            SelectQuery<T> rows = orders.isEmpty() ? query : query.orderBy(orders.toArray(SortOrder[]::new));
            boolean single = shape == ResultShape.SINGLE || shape == ResultShape.OPTIONAL;
            if (top != null) {
                rows = rows.limit(single ? Math.min(top, 2) : top);
            } else if (single) {
                rows = rows.limit(2);
            }
            if (pageable.isPaged()) {
                int size = pageable.getPageSize();
                rows = rows.limit(shape == ResultShape.SLICE ? size + 1 : size).offset(pageable.getOffset());
            }
            return project(rows);
        }

        private ResultQuery<?> project(SelectQuery<T> query) {
            if (projection == null) {
                return query;
            }
            // An interface projection selects its columns as tuples, adapted to proxies below.
            return adapter == null ? query.select(rowType, projection) : query.selectTuple(projection);
        }

        private List<?> list(ResultQuery<?> result) {
            List<?> rows = result.list();
            if (adapter == null) {
                return rows;
            }
            List<Object> adapted = new ArrayList<>(rows.size());
            for (Object row : rows) {
                adapted.add(adapt(row));
            }
            return adapted;
        }

        private Object adapt(Object row) {
            Tuple tuple = (Tuple) row;
            @Nullable Object[] values = new Object[tuple.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = tuple.get(i);
            }
            return Objects.requireNonNull(adapter).newInstance(values);
        }
    }
}
