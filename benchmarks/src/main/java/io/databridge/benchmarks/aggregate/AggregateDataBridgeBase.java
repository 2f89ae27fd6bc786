package io.databridge.benchmarks.aggregate;

import io.databridge.DataBridge;
import io.databridge.query.SelectQuery;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/** data-bridge's loads (scenarios 17, 18) with a query each strategy chooses, and its aggregate save. */
public abstract class AggregateDataBridgeBase extends AggregateBase {

    protected DataBridge db;

    @Override
    protected void init() {
        db = DataBridge.create(dataSource);
    }

    /** The load of scenario 17; the strategy subclasses choose theirs. */
    protected SelectQuery<AggOrder> loadQuery() {
        return db.from(AggOrder.class)
                .where(AggOrder_.id.le((long) ROOTS))
                .orderBy(AggOrder_.id.asc())
                .fetch(AggOrder_.customer)
                .fetch(AggOrder_.lines);
    }

    /** The page of scenario 18. */
    protected SelectQuery<AggOrder> pageQuery() {
        return db.from(AggOrder.class).orderBy(AggOrder_.id.asc()).fetch(AggOrder_.lines);
    }

    @Override
    protected List<AggOrder> load() {
        return s17_aggregateLoad100();
    }

    @Override
    protected AggPage page() {
        return s18_aggregatePage20();
    }

    @Override
    protected AggOrder save() {
        AggOrder order = newOrder();
        db.insert(order);
        order.lines.get(3).quantity = 99;
        db.update(order);
        return order;
    }

    @Benchmark
    public List<AggOrder> s17_aggregateLoad100() {
        return loadQuery().list();
    }

    @Benchmark
    public AggPage s18_aggregatePage20() {
        SelectQuery<AggOrder> query = pageQuery();
        return new AggPage(query.limit(PAGE).offset(PAGE_OFFSET).list(), query.count());
    }
}
