package io.databridge.benchmarks.aggregate;

import io.databridge.mapping.FetchStrategy;
import io.databridge.query.SelectQuery;

/** data-bridge, the whole aggregate in one statement (JSON aggregation, like jOOQ's MULTISET). */
public class AggregateDataBridgeJsonBenchmark extends AggregateDataBridgeBase {

    @Override
    protected SelectQuery<AggOrder> loadQuery() {
        return db.from(AggOrder.class)
                .where(AggOrder_.id.le((long) ROOTS))
                .orderBy(AggOrder_.id.asc())
                .fetch(FetchStrategy.JOIN, AggOrder_.customer)
                .fetch(FetchStrategy.JSON, AggOrder_.lines);
    }

    @Override
    protected SelectQuery<AggOrder> pageQuery() {
        return db.from(AggOrder.class).orderBy(AggOrder_.id.asc()).fetch(FetchStrategy.JSON, AggOrder_.lines);
    }
}
