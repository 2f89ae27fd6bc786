package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.DataBridge;
import org.openjdk.jmh.annotations.Benchmark;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the N+1 detector costs per statement: ten reads of one shape in one transaction (at the default threshold, so
 * nothing is reported), with the detector off and on. (on - off) / 10 is its cost per statement; the transaction's
 * own cost is in both.
 */
public class NPlusOneDetectorBenchmark extends BenchmarkBase {

    private DataBridge detectorOff;
    private DataBridge detectorOn;
    private TransactionTemplate transaction;

    @Override
    protected void init() {
        detectorOff = DataBridge.builder(dataSource).build();
        detectorOn = DataBridge.builder(dataSource).nPlusOneThreshold(10).build();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private int tenFindsInOneTransaction(DataBridge db) {
        Integer found = transaction.execute(status -> {
            int rows = 0;
            for (int i = 0; i < 10; i++) {
                rows += db.findById(DbPerson.class, BenchDatabase.FIND_ID).isPresent() ? 1 : 0;
            }
            return rows;
        });
        check(found != null && found == 10, "ten rows");
        return found;
    }

    @Benchmark
    public int s1_tenFindsInATransaction_detectorOff() {
        return tenFindsInOneTransaction(detectorOff);
    }

    @Benchmark
    public int s1_tenFindsInATransaction_detectorOn() {
        return tenFindsInOneTransaction(detectorOn);
    }
}
