package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.DataBridge;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * data-bridge through its facade: {@code findById}, {@code insertAll}, {@code update}, and {@code sql(...)} for the
 * selects ({@link DataBridgeDslBenchmark} measures the query DSL).
 */
public class DataBridgeBenchmark extends BenchmarkBase {

    private static final String LIST =
            "SELECT id, email, name, age, active, version FROM person WHERE age BETWEEN :from AND :to ORDER BY id";
    private static final String PAGE = "SELECT id, email, name, age, active, version FROM person"
            + " WHERE age BETWEEN :from AND :to ORDER BY name, id LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) FROM person WHERE age BETWEEN :from AND :to";

    private DataBridge db;
    private TransactionTemplate transactions;
    private DbPerson updated;
    private List<DbBulkPerson> bulk;
    private long round;

    @Override
    protected void init() {
        db = DataBridge.create(dataSource);
        transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        updated = db.findById(DbPerson.class, BenchDatabase.UPDATE_ID).orElseThrow();
        bulk = db.sql("SELECT * FROM person_bulk ORDER BY id").list(DbBulkPerson.class);
    }

    /** {@code updateAll}: one {@code UPDATE ... FROM unnest(...)} with the version check of every row. */
    @Benchmark
    public List<DbBulkPerson> s9_updateAll1000() {
        String name = "bulk " + round++ % 2;
        long before = bulk.get(0).version;
        for (DbBulkPerson person : bulk) {
            person.name = name;
        }
        List<DbBulkPerson> stored = db.updateAll(bulk);
        check(stored.size() == BenchDatabase.BULK_ROWS && stored.get(0).version == before + 1, "s9 versions");
        return stored;
    }

    /** {@code upsertAll}: one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE ... RETURNING}. */
    @Benchmark
    public List<DbUpsertPerson> s9b_upsert1000() {
        long current = round++;
        List<DbUpsertPerson> rows = new ArrayList<>(BenchDatabase.BULK_ROWS);
        for (int i = 0; i < BenchDatabase.BULK_ROWS; i++) {
            rows.add(DbUpsertPerson.of(i, current));
        }
        List<DbUpsertPerson> stored = db.upsertAll(rows);
        check(stored.size() == BenchDatabase.BULK_ROWS, "s9b rows");
        return stored;
    }

    @Benchmark
    public DbPerson s1_findById() {
        DbPerson person = db.findById(DbPerson.class, BenchDatabase.FIND_ID).orElseThrow();
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<DbPerson> s2_select1000() {
        List<DbPerson> people =
                db.sql(LIST).param("from", AGE_FROM).param("to", AGE_TO).list(DbPerson.class);
        check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return people;
    }

    @Benchmark
    public List<DbNewPerson> s3_insert1000() {
        return insert(BenchDatabase.INSERT_ROWS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<DbNewPerson> s4_insert100k(EmptyInsertTable table) {
        return insert(bulkRows);
    }

    private List<DbNewPerson> insert(int count) {
        List<DbNewPerson> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(new DbNewPerson(BenchDatabase.email(i), "new", i % 100, true));
        }
        List<DbNewPerson> stored = db.insertAll(people);
        check(stored.size() == count && stored.get(count - 1).id != null, "s3/s4 ids");
        return stored;
    }

    /** {@code insertAll} of rows with {@code Instant}, {@code UUID}, {@code BigDecimal}, enum and jsonb columns. */
    @Benchmark
    public List<DbEvent> s13_insertTyped1000(EventTable table) {
        return insertEvents(BenchDatabase.INSERT_ROWS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<DbEvent> s14_insertTyped100k(EmptyEventTable table) {
        return insertEvents(bulkRows);
    }

    private List<DbEvent> insertEvents(int count) {
        List<DbEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(DbEvent.of(i));
        }
        List<DbEvent> stored = db.insertAll(events);
        check(stored.size() == count && stored.get(count - 1).id != null, "s13/s14 ids");
        return stored;
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
    public List<DbPerson> s6_pageWithCount() {
        List<DbPerson> page = db.sql(PAGE)
                .param("from", AGE_FROM)
                .param("to", AGE_TO)
                .param("limit", BenchDatabase.PAGE_SIZE)
                .param("offset", BenchDatabase.PAGE_SIZE * BenchDatabase.PAGE_NUMBER)
                .list(DbPerson.class);
        long total = db.sql(COUNT).param("from", AGE_FROM).param("to", AGE_TO).one(Long.class);
        check(page.size() == BenchDatabase.PAGE_SIZE && total == BenchDatabase.LIST_ROWS, "s6 page");
        return page;
    }

    @Benchmark
    public Long s7_transaction() {
        Long id = transactions.execute(status -> {
            DbPerson read =
                    db.findById(DbPerson.class, BenchDatabase.TX_READ_ID).orElseThrow();
            DbPerson changed =
                    db.findById(DbPerson.class, BenchDatabase.TX_UPDATE_ID).orElseThrow();
            changed.name = "tx " + read.id;
            db.update(changed);
            DbNewPerson inserted = db.insert(new DbNewPerson("tx@example.com", "tx", 1, true));
            long total =
                    db.sql(COUNT).param("from", AGE_FROM).param("to", AGE_TO).one(Long.class);
            check(total == BenchDatabase.LIST_ROWS, "s7 count");
            return inserted.id;
        });
        check(id != null, "s7 id");
        return id;
    }
}
