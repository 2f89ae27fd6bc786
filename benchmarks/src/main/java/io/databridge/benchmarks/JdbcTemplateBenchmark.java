package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring's {@code JdbcClient} (over {@code JdbcTemplate}) with a hand-written row mapper; batches via the template. */
public class JdbcTemplateBenchmark extends BenchmarkBase {

    private static final RowMapper<Person> MAPPER = (rows, n) -> Person.read(rows);

    private JdbcTemplate template;
    private JdbcClient client;
    private TransactionTemplate transactions;
    private long version;
    private long[] bulkVersions;
    private long round;

    @Override
    protected void init() {
        bulkVersions = BenchDatabase.bulkVersions(dataSource);
        template = new JdbcTemplate(dataSource);
        client = JdbcClient.create(template);
        transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        version = BenchDatabase.version(dataSource, BenchDatabase.UPDATE_ID);
    }

    private Person find(long id) {
        return client.sql(BenchDatabase.FIND).param(id).query(MAPPER).single();
    }

    @Benchmark
    public Person s1_findById() {
        Person person = find(BenchDatabase.FIND_ID);
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<Person> s2_select1000() {
        List<Person> people = client.sql(BenchDatabase.LIST)
                .param(AGE_FROM)
                .param(AGE_TO)
                .query(MAPPER)
                .list();
        check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return people;
    }

    /** {@code batchUpdate} with a key holder (Spring 6.1+): ids returned, so pgjdbc cannot rewrite the batch. */
    @Benchmark
    public List<?> s3_insert1000() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        transactions.executeWithoutResult(status -> template.batchUpdate(
                connection -> connection.prepareStatement(BenchDatabase.INSERT, new String[] {"id"}),
                setter(BenchDatabase.INSERT_ROWS),
                keys));
        check(keys.getKeyList().size() == BenchDatabase.INSERT_ROWS, "s3 ids");
        return keys.getKeyList();
    }

    /** Bulk load without ids: {@code batchUpdate}, rewritten by pgjdbc. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int s4_insert100k(EmptyInsertTable table) {
        int[] counts = transactions.execute(status -> template.batchUpdate(BenchDatabase.INSERT, setter(bulkRows)));
        check(counts != null && counts.length == bulkRows, "s4 rows");
        return counts.length;
    }

    /** {@code batchUpdate} in a transaction, every count checked. */
    @Benchmark
    public int s9_updateAll1000() {
        String name = "bulk " + round++ % 2;
        int[] counts = transactions.execute(status -> {
            int[] result = template.batchUpdate(BenchDatabase.BULK_UPDATE, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int i) throws SQLException {
                    BenchDatabase.bindBulkUpdate(statement, i, name, bulkVersions[i]);
                }

                @Override
                public int getBatchSize() {
                    return BenchDatabase.BULK_ROWS;
                }
            });
            for (int count : result) {
                if (count != 1) {
                    throw new IllegalStateException("benchmark result check failed: s9 version check");
                }
            }
            return result;
        });
        for (int i = 0; i < bulkVersions.length; i++) {
            bulkVersions[i]++;
        }
        return counts.length;
    }

    /** {@code batchUpdate} of {@code INSERT ... ON CONFLICT DO UPDATE} in a transaction, rewritten by pgjdbc. */
    @Benchmark
    public int s9b_upsert1000() {
        long current = round++;
        int[] counts = transactions.execute(status ->
                template.batchUpdate(BenchDatabase.UPSERT, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        BenchDatabase.bindUpsert(statement, DbUpsertPerson.of(i, current));
                    }

                    @Override
                    public int getBatchSize() {
                        return BenchDatabase.BULK_ROWS;
                    }
                }));
        check(counts != null && counts.length == BenchDatabase.BULK_ROWS, "s9b rows");
        return counts.length;
    }

    private static BatchPreparedStatementSetter setter(int count) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                statement.setString(1, BenchDatabase.email(i));
                statement.setString(2, "new");
                statement.setInt(3, i % 100);
                statement.setBoolean(4, true);
            }

            @Override
            public int getBatchSize() {
                return count;
            }
        };
    }

    @Benchmark
    public int s5_updateById() {
        int updated = client.sql(BenchDatabase.UPDATE)
                .param("renamed")
                .param(BenchDatabase.UPDATE_ID)
                .param(version)
                .update();
        check(updated == 1, "s5 version check");
        version++;
        return updated;
    }

    @Benchmark
    public List<Person> s6_pageWithCount() {
        List<Person> page = client.sql(BenchDatabase.PAGE)
                .param(AGE_FROM)
                .param(AGE_TO)
                .param(BenchDatabase.PAGE_SIZE)
                .param(BenchDatabase.PAGE_SIZE * BenchDatabase.PAGE_NUMBER)
                .query(MAPPER)
                .list();
        long total = count();
        check(page.size() == BenchDatabase.PAGE_SIZE && total == BenchDatabase.LIST_ROWS, "s6 page");
        return page;
    }

    private long count() {
        return client.sql(BenchDatabase.COUNT)
                .param(AGE_FROM)
                .param(AGE_TO)
                .query(Long.class)
                .single();
    }

    @Benchmark
    public Long s7_transaction() {
        Long id = transactions.execute(status -> {
            Person read = find(BenchDatabase.TX_READ_ID);
            Person changed = find(BenchDatabase.TX_UPDATE_ID);
            int updated = client.sql(BenchDatabase.UPDATE)
                    .param("tx " + read.id)
                    .param(BenchDatabase.TX_UPDATE_ID)
                    .param(changed.version)
                    .update();
            check(updated == 1, "s7 update");
            Long inserted = client.sql(BenchDatabase.INSERT + " RETURNING id")
                    .param("tx@example.com")
                    .param("tx")
                    .param(1)
                    .param(true)
                    .query(Long.class)
                    .single();
            check(count() == BenchDatabase.LIST_ROWS, "s7 count");
            return inserted;
        });
        check(id != null, "s7 id");
        return id;
    }

    @Benchmark
    public Boolean s8_poolBorrowReturn() {
        return template.execute((ConnectionCallback<Boolean>) connection -> connection.isClosed());
    }
}
