package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.DataBridge;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * data-bridge as Spring Boot with the actuator runs it: every statement observed into a Micrometer timer, and the
 * slow-query threshold at its default of one second, the N+1 detector on at its default threshold. Compared with {@link DataBridgeBenchmark} (nothing observed), it
 * shows what observability costs per statement.
 */
public class DataBridgeObservedBenchmark extends BenchmarkBase {

    private static final String LIST =
            "SELECT id, email, name, age, active, version FROM person" + " WHERE age BETWEEN :from AND :to ORDER BY id";

    private DataBridge db;
    private SimpleMeterRegistry meters;

    @Override
    protected void init() {
        meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        db = DataBridge.builder(dataSource)
                .observationRegistry(registry)
                .slowQueryThreshold(Duration.ofSeconds(1))
                .nPlusOneThreshold(10)
                .build();
    }

    @Benchmark
    public DbPerson s1_findById() {
        DbPerson person = db.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow();
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<DbPerson> s2_select1000() {
        List<DbPerson> people = db.sql(LIST)
                .param("from", BenchDatabase.AGE_FROM)
                .param("to", BenchDatabase.AGE_TO)
                .list(DbPerson.class);
        check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return people;
    }

    @Override
    protected void close() {
        check(meters.find("data-bridge.statements").timer() != null, "statements observed");
        meters.close();
    }
}
