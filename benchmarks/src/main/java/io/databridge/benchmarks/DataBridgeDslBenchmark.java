package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.DataBridge;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * data-bridge through its query DSL over the generated metamodel {@code DbPerson_}, the way application code writes
 * it: each call builds its query inline (so rendering is part of the measured work), for the read scenarios.
 */
public class DataBridgeDslBenchmark extends BenchmarkBase {

    private DataBridge db;

    @Override
    protected void init() {
        db = DataBridge.create(dataSource);
    }

    @Benchmark
    public DbPerson s1_findById() {
        DbPerson person = db.from(DbPerson.class)
                .where(DbPerson_.id.eq(BenchDatabase.FIND_ID))
                .one();
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<DbPerson> s2_select1000() {
        List<DbPerson> people = db.from(DbPerson.class)
                .where(DbPerson_.age.between(AGE_FROM, AGE_TO))
                .orderBy(DbPerson_.id.asc())
                .list();
        check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return people;
    }

    @Benchmark
    public List<DbPerson> s6_pageWithCount() {
        var matching = db.from(DbPerson.class).where(DbPerson_.age.between(AGE_FROM, AGE_TO));
        List<DbPerson> page = matching.orderBy(DbPerson_.name.asc(), DbPerson_.id.asc())
                .limit(BenchDatabase.PAGE_SIZE)
                .offset((long) BenchDatabase.PAGE_SIZE * BenchDatabase.PAGE_NUMBER)
                .list();
        long total = matching.count();
        check(page.size() == BenchDatabase.PAGE_SIZE && total == BenchDatabase.LIST_ROWS, "s6 page");
        return page;
    }
}
