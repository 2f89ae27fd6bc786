package io.databridge.repository;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.PropertyModel;
import io.databridge.internal.sql.RejectedInputs;
import io.databridge.query.Column;
import io.databridge.query.Expression;
import io.databridge.query.Expressions;
import io.databridge.query.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;

/**
 * Renders a {@link Sort} as an {@code ORDER BY} clause of one entity's quoted columns. Sort keys are Java property
 * names resolved against the entity model, so a key that comes from an HTTP request can never put text of its own into
 * SQL: an unknown key is rejected. Immutable and thread-safe.
 */
final class EntityOrder {

    private final EntityModel<?> model;

    EntityOrder(EntityModel<?> model) {
        this.model = model;
    }

    /**
     * The clause for a sort, with a leading space: {@code " ORDER BY \"name\" ASC, \"id\" DESC"}.
     *
     * @param sort the sort, not unsorted
     * @return the clause
     * @throws InvalidDataAccessApiUsageException when a key is not a property of the entity
     */
    String orderBy(Sort sort) {
        StringBuilder clause = new StringBuilder(" ORDER BY ");
        boolean first = true;
        for (Sort.Order order : sort) {
            PropertyModel property = model.property(order.getProperty()).orElseThrow(() -> unknown(order));
            if (!first) {
                clause.append(", ");
            }
            first = false;
            if (order.isIgnoreCase()) {
                clause.append("lower(").append(property.quotedColumn()).append(')');
            } else {
                clause.append(property.quotedColumn());
            }
            clause.append(order.isAscending() ? " ASC" : " DESC");
            switch (order.getNullHandling()) {
                case NULLS_FIRST -> clause.append(" NULLS FIRST");
                case NULLS_LAST -> clause.append(" NULLS LAST");
                default -> {}
            }
        }
        return clause.toString();
    }

    /**
     * The same order as query DSL sort keys, for derived queries: ignore-case keys sort by {@code lower(column)}.
     *
     * @param sort the sort, possibly unsorted
     * @return the sort keys, empty when unsorted
     * @throws InvalidDataAccessApiUsageException when a key is not a property of the entity
     */
    List<SortOrder> sortOrders(Sort sort) {
        List<SortOrder> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            PropertyModel property = model.property(order.getProperty()).orElseThrow(() -> unknown(order));
            Column<?, Object> column = column(property);
            Expression<?> key = order.isIgnoreCase() && property.valueType().rawType() == String.class
                    ? Expressions.lower(text(column))
                    : column;
            SortOrder sortOrder = order.isAscending() ? key.asc() : key.desc();
            switch (order.getNullHandling()) {
                case NULLS_FIRST -> sortOrder = sortOrder.nullsFirst();
                case NULLS_LAST -> sortOrder = sortOrder.nullsLast();
                default -> {}
            }
            orders.add(sortOrder);
        }
        return orders;
    }

    /**
     * The metamodel-style column of a property, typed loosely: callers have checked value types against the model.
     *
     * @param property a property of this entity
     * @return the column
     */
    Column<?, Object> column(PropertyModel property) {
        return Column.of(model.type(), property.name(), property.valueType().rawType());
    }

    /**
     * A column of a {@code String} property as a text expression.
     *
     * @param column the column, whose property type is {@code String}
     * @return the same column
     */
    @SuppressWarnings("unchecked") // the caller checked that the property is a String
    static Expression<String> text(Expression<?> column) {
        return (Expression<String>) column;
    }

    private InvalidDataAccessApiUsageException unknown(Sort.Order order) {
        // Sort keys often come from a request (?sort=...): a refused one goes to the audit trail, as its hash.
        RejectedInputs.report(
                RejectedInputs.SORT_KEY, "sort key of " + model.type().getSimpleName(), order.getProperty());
        return new InvalidDataAccessApiUsageException("Cannot sort "
                + model.type().getSimpleName() + " by '"
                + truncate(order.getProperty()) + "': it has no such property; sort by one of "
                + model.properties().stream().map(PropertyModel::name).collect(Collectors.joining(", ", "[", "]")));
    }

    /** Sort keys may come from a request: keep an attacker's megabyte out of messages and logs. */
    private static String truncate(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64) + "...";
    }
}
