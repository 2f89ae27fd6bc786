package io.databridge.benchmarks.aggregate.sdjdbc;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The order aggregate the Spring Data JDBC way: the lines are part of it ({@code @MappedCollection}; a {@code Set}
 * because a {@code List} needs an index column the table does not have), the customer is another aggregate and is
 * referred to by its id (Spring Data JDBC has no many-to-one between aggregates). Its other idiom, an
 * {@code AggregateReference<JdbcAggCustomer, Long>} field, fails to read with single-query loading in Spring Data JDBC
 * 4.0.6 ({@code ConverterNotFoundException} from Long to AggregateReference), and the plain id keeps the faster
 * single-query loading.
 */
@Table("agg_order")
public class JdbcAggOrder {
    @Id
    public @Nullable Long id;

    public @Nullable String note;

    @Column("customer_id")
    public @Nullable Long customerId;

    @MappedCollection(idColumn = "order_id")
    public Set<JdbcAggLine> lines = new HashSet<>();
}
