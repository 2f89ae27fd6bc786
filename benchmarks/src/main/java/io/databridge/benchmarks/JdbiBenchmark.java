package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/** JDBI 3 core API with a hand-written row mapper and prepared batches. */
public class JdbiBenchmark extends BenchmarkBase {

    private static final RowMapper<Person> MAPPER = (rows, context) -> Person.read(rows);
    private static final String INSERT =
            "INSERT INTO person_insert (email, name, age, active, version) VALUES (:email, :name, :age, :active, 0)";

    private Jdbi jdbi;
    private long version;

    @Override
    protected void init() {
        jdbi = Jdbi.create(dataSource);
        version = BenchDatabase.version(dataSource, BenchDatabase.UPDATE_ID);
    }

    private static Person find(Handle handle, long id) {
        return handle.createQuery(BenchDatabase.FIND).bind(0, id).map(MAPPER).one();
    }

    @Benchmark
    public Person s1_findById() {
        Person person = jdbi.withHandle(handle -> find(handle, BenchDatabase.FIND_ID));
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<Person> s2_select1000() {
        List<Person> people = jdbi.withHandle(handle -> handle.createQuery(BenchDatabase.LIST)
                .bind(0, AGE_FROM)
                .bind(1, AGE_TO)
                .map(MAPPER)
                .list());
        check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return people;
    }

    private static PreparedBatch batch(Handle handle, int count) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (int i = 0; i < count; i++) {
            batch.bind("email", BenchDatabase.email(i))
                    .bind("name", "new")
                    .bind("age", i % 100)
                    .bind("active", true)
                    .add();
        }
        return batch;
    }

    @Benchmark
    public List<Long> s3_insert1000() {
        List<Long> ids = jdbi.inTransaction(handle -> batch(handle, BenchDatabase.INSERT_ROWS)
                .executePreparedBatch("id")
                .mapTo(Long.class)
                .list());
        check(ids.size() == BenchDatabase.INSERT_ROWS, "s3 ids");
        return ids;
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int s4_insert100k(EmptyInsertTable table) {
        int[] counts = jdbi.inTransaction(handle -> batch(handle, bulkRows).execute());
        check(counts.length == bulkRows, "s4 rows");
        return counts.length;
    }

    @Benchmark
    public int s5_updateById() {
        int updated = jdbi.withHandle(handle -> handle.createUpdate(BenchDatabase.UPDATE)
                .bind(0, "renamed")
                .bind(1, BenchDatabase.UPDATE_ID)
                .bind(2, version)
                .execute());
        check(updated == 1, "s5 version check");
        version++;
        return updated;
    }

    @Benchmark
    public List<Person> s6_pageWithCount() {
        return jdbi.withHandle(handle -> {
            List<Person> page = handle.createQuery(BenchDatabase.PAGE)
                    .bind(0, AGE_FROM)
                    .bind(1, AGE_TO)
                    .bind(2, BenchDatabase.PAGE_SIZE)
                    .bind(3, BenchDatabase.PAGE_SIZE * BenchDatabase.PAGE_NUMBER)
                    .map(MAPPER)
                    .list();
            long total = count(handle);
            check(page.size() == BenchDatabase.PAGE_SIZE && total == BenchDatabase.LIST_ROWS, "s6 page");
            return page;
        });
    }

    private static long count(Handle handle) {
        return handle.createQuery(BenchDatabase.COUNT)
                .bind(0, AGE_FROM)
                .bind(1, AGE_TO)
                .mapTo(Long.class)
                .one();
    }

    @Benchmark
    public Long s7_transaction() {
        return jdbi.inTransaction(handle -> {
            Person read = find(handle, BenchDatabase.TX_READ_ID);
            Person changed = find(handle, BenchDatabase.TX_UPDATE_ID);
            int updated = handle.createUpdate(BenchDatabase.UPDATE)
                    .bind(0, "tx " + read.id)
                    .bind(1, BenchDatabase.TX_UPDATE_ID)
                    .bind(2, changed.version)
                    .execute();
            check(updated == 1, "s7 update");
            Long id = handle.createUpdate(INSERT)
                    .bind("email", "tx@example.com")
                    .bind("name", "tx")
                    .bind("age", 1)
                    .bind("active", true)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            check(count(handle) == BenchDatabase.LIST_ROWS, "s7 count");
            return id;
        });
    }

    @Benchmark
    public boolean s8_poolBorrowReturn() throws java.sql.SQLException {
        return jdbi.withHandle(handle -> handle.getConnection().isClosed());
    }
}
