package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.RecordMapper;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/** jOOQ 3.19 DSL without code generation: tables and fields declared by name and type. */
public class JooqBenchmark extends BenchmarkBase {

    private static final Table<Record> PERSON = DSL.table(DSL.name("person"));
    private static final Table<Record> PERSON_INSERT = DSL.table(DSL.name("person_insert"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> EMAIL = DSL.field(DSL.name("email"), SQLDataType.VARCHAR);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
    private static final Field<Integer> AGE = DSL.field(DSL.name("age"), SQLDataType.INTEGER);
    private static final Field<Boolean> ACTIVE = DSL.field(DSL.name("active"), SQLDataType.BOOLEAN);
    private static final Field<Long> VERSION = DSL.field(DSL.name("version"), SQLDataType.BIGINT);

    private static final RecordMapper<Record6<Long, String, String, Integer, Boolean, Long>, Person> MAPPER = r -> {
        Person person = new Person();
        person.id = r.value1();
        person.email = r.value2();
        person.name = r.value3();
        person.age = r.value4();
        person.active = r.value5();
        person.version = r.value6();
        return person;
    };

    private DSLContext dsl;
    private long version;

    @Override
    protected void init() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
        version = BenchDatabase.version(dataSource, BenchDatabase.UPDATE_ID);
    }

    private static Person find(DSLContext dsl, long id) {
        return dsl.select(ID, EMAIL, NAME, AGE, ACTIVE, VERSION)
                .from(PERSON)
                .where(ID.eq(id))
                .fetchSingle(MAPPER);
    }

    @Benchmark
    public Person s1_findById() {
        Person person = find(dsl, BenchDatabase.FIND_ID);
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<Person> s2_select1000() {
        List<Person> people = dsl.select(ID, EMAIL, NAME, AGE, ACTIVE, VERSION)
                .from(PERSON)
                .where(AGE.between(AGE_FROM, AGE_TO))
                .orderBy(ID)
                .fetch(MAPPER);
        check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return people;
    }

    /** One multi-row {@code INSERT ... VALUES (...), ... RETURNING id}: jOOQ's way to insert many rows with ids. */
    @Benchmark
    public List<Long> s3_insert1000() {
        List<Long> ids = insert(dsl, 0, BenchDatabase.INSERT_ROWS)
                .returningResult(ID)
                .fetch()
                .getValues(ID);
        check(ids.size() == BenchDatabase.INSERT_ROWS, "s3 ids");
        return ids;
    }

    private static InsertValuesStep5<Record, String, String, Integer, Boolean, Long> insert(
            DSLContext dsl, int from, int to) {
        InsertValuesStep5<Record, String, String, Integer, Boolean, Long> insert =
                dsl.insertInto(PERSON_INSERT, EMAIL, NAME, AGE, ACTIVE, VERSION);
        for (int i = from; i < to; i++) {
            insert = insert.values(BenchDatabase.email(i), "new", i % 100, true, 0L);
        }
        return insert;
    }

    /** Bulk load: multi-row inserts of 1,000 rows in one transaction, no ids. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int s4_insert100k(EmptyInsertTable table) {
        int inserted = dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            int rows = 0;
            for (int from = 0; from < bulkRows; from += 1_000) {
                rows += insert(tx, from, Math.min(bulkRows, from + 1_000)).execute();
            }
            return rows;
        });
        check(inserted == bulkRows, "s4 rows");
        return inserted;
    }

    @Benchmark
    public int s5_updateById() {
        int updated = dsl.update(PERSON)
                .set(NAME, "renamed")
                .set(VERSION, VERSION.plus(1))
                .where(ID.eq(BenchDatabase.UPDATE_ID).and(VERSION.eq(version)))
                .execute();
        check(updated == 1, "s5 version check");
        version++;
        return updated;
    }

    @Benchmark
    public List<Person> s6_pageWithCount() {
        List<Person> page = dsl.select(ID, EMAIL, NAME, AGE, ACTIVE, VERSION)
                .from(PERSON)
                .where(AGE.between(AGE_FROM, AGE_TO))
                .orderBy(NAME, ID)
                .limit(BenchDatabase.PAGE_SIZE)
                .offset(BenchDatabase.PAGE_SIZE * BenchDatabase.PAGE_NUMBER)
                .fetch(MAPPER);
        int total = count(dsl);
        check(page.size() == BenchDatabase.PAGE_SIZE && total == BenchDatabase.LIST_ROWS, "s6 page");
        return page;
    }

    private static int count(DSLContext dsl) {
        return dsl.fetchCount(PERSON, AGE.between(AGE_FROM, AGE_TO));
    }

    @Benchmark
    public Long s7_transaction() {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            Person read = find(tx, BenchDatabase.TX_READ_ID);
            Person changed = find(tx, BenchDatabase.TX_UPDATE_ID);
            int updated = tx.update(PERSON)
                    .set(NAME, "tx " + read.id)
                    .set(VERSION, VERSION.plus(1))
                    .where(ID.eq(BenchDatabase.TX_UPDATE_ID).and(VERSION.eq(changed.version)))
                    .execute();
            check(updated == 1, "s7 update");
            Result<Record> ids = tx.insertInto(PERSON_INSERT, EMAIL, NAME, AGE, ACTIVE, VERSION)
                    .values("tx@example.com", "tx", 1, true, 0L)
                    .returning(ID)
                    .fetch();
            check(count(tx) == BenchDatabase.LIST_ROWS, "s7 count");
            return ids.get(0).get(ID);
        });
    }

    @Benchmark
    public List<Boolean> s8_poolBorrowReturn() {
        List<Boolean> closed = new ArrayList<>(1);
        dsl.connection(connection -> closed.add(connection.isClosed()));
        return closed;
    }
}
