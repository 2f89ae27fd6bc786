package io.databridge.benchmarks.aggregate;

import org.openjdk.jmh.annotations.Benchmark;

/** data-bridge, select-in: one statement per relation ({@code WHERE fk = ANY(?)}); its aggregate save. */
public class AggregateDataBridgeBenchmark extends AggregateDataBridgeBase {

    @Benchmark
    public AggOrder s19_aggregateSave(Saved saved) {
        return saved.keep(this, save());
    }
}
