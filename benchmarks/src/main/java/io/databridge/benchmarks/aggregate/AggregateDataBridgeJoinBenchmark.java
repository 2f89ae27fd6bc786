package io.databridge.benchmarks.aggregate;

import io.databridge.mapping.FetchStrategy;
import io.databridge.query.SelectQuery;

/** data-bridge, the to-one by JOIN in the roots' statement, the lines by select-in. Save is the same as select-in's. */
public class AggregateDataBridgeJoinBenchmark extends AggregateDataBridgeBase {

    @Override
    protected SelectQuery<AggOrder> loadQuery() {
        return db.from(AggOrder.class)
                .where(AggOrder_.id.le((long) ROOTS))
                .orderBy(AggOrder_.id.asc())
                .fetch(FetchStrategy.JOIN, AggOrder_.customer)
                .fetch(AggOrder_.lines);
    }
}
