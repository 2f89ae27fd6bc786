package io.databridge.benchmarks.aggregate.sdjdbc;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A line: an entity inside the order aggregate (no back-reference; the foreign key is the collection's). */
@Table("agg_line")
public class JdbcAggLine {
    @Id
    public @Nullable Long id;

    public @Nullable String product;
    public int quantity;
}
