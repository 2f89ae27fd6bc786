package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.DataBridge;
import io.databridge.audit.AuditTrail;
import io.databridge.error.HasErrorId;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * What the audit trail costs the executor per statement, off (the default: one check of a no-op trail) and on. With
 * it on, the events go to a trail that only counts them, so the numbers are the executor's work (timing, the
 * write/read decision, building the event's fields) without a log appender's I/O, which depends on the
 * application's logging set-up. {@code s15_bindText4k} binds a 4 KiB string, the string bind path with its check for
 * NUL and lone surrogates ({@link DataBridgeTextCheckBenchmark} measures the check alone).
 */
public class DataBridgeAuditBenchmark extends BenchmarkBase {

    /** {@code off}: no audit trail; {@code on}: every event recorded. */
    @Param({"off", "on"})
    public String audit;

    private DataBridge db;
    private DbPerson updated;
    private CountingAuditTrail trail;

    @Override
    protected void init() {
        trail = new CountingAuditTrail();
        db = "on".equals(audit)
                ? DataBridge.builder(dataSource).auditTrail(trail).build()
                : DataBridge.create(dataSource);
        updated = db.findById(DbPerson.class, BenchDatabase.UPDATE_ID).orElseThrow();
        db.update(updated);
        check("off".equals(audit) || trail.statements.sum() == 1, "audit events recorded");
    }

    @Benchmark
    public DbPerson s1_findById() {
        DbPerson person = db.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow();
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public DbPerson s5_updateById() {
        long before = updated.version;
        updated.name = "renamed " + before % 2;
        db.update(updated);
        check(updated.version == before + 1, "s5 version");
        return updated;
    }

    @Benchmark
    public Integer s15_bindText4k() {
        Integer length = db.sql("SELECT octet_length(:text)")
                .param("text", DataBridgeTextCheckBenchmark.TEXT_4K)
                .one(Integer.class);
        check(length == DataBridgeTextCheckBenchmark.TEXT_4K_UTF8_BYTES, "s15 length");
        return length;
    }

    /** An audit trail that only counts its events. */
    static final class CountingAuditTrail implements AuditTrail {

        final LongAdder statements = new LongAdder();

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void statement(String task, long rows, long nanos, @Nullable Throwable failure) {
            statements.increment();
        }

        @Override
        public String beginTransaction() {
            return "";
        }

        @Override
        public void endTransaction(String outcome, @Nullable Throwable failure) {}

        @Override
        public void pool(String event, @Nullable Throwable failure) {}

        @Override
        public void migration(String script, String outcome, long millis, @Nullable Throwable failure) {}

        @Override
        public void sanitizedError(HasErrorId failure) {}
    }
}
