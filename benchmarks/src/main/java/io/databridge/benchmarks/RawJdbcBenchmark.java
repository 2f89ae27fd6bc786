package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-written pgjdbc: prepared statements, rows mapped by index, {@code reWriteBatchedInserts} batches. The reference
 * every target is measured against.
 */
public class RawJdbcBenchmark extends BenchmarkBase {

    private static final JsonMapper JSON = JsonMapper.shared();

    private long version;
    private long[] bulkVersions;
    private long round;

    @Override
    protected void init() {
        version = BenchDatabase.version(dataSource, BenchDatabase.UPDATE_ID);
        bulkVersions = BenchDatabase.bulkVersions(dataSource);
    }

    /** Scenario 9's reference: a JDBC batch (pgjdbc rewrites only inserts), every count checked, one transaction. */
    @Benchmark
    public int s9_updateAll1000() throws SQLException {
        String name = "bulk " + round++ % 2;
        int[] counts = batch(
                BenchDatabase.BULK_UPDATE,
                BenchDatabase.BULK_ROWS,
                (statement, i) -> BenchDatabase.bindBulkUpdate(statement, i, name, bulkVersions[i]),
                written -> {
                    for (int count : written) {
                        check(count == 1, "s9 version check");
                    }
                });
        for (int i = 0; i < bulkVersions.length; i++) {
            bulkVersions[i]++;
        }
        return counts.length;
    }

    /** Scenario 9b's reference: a batch of {@code INSERT ... ON CONFLICT DO UPDATE}, rewritten by pgjdbc. */
    @Benchmark
    public int s9b_upsert1000() throws SQLException {
        long current = round++;
        int written = rows(batch(
                BenchDatabase.UPSERT,
                BenchDatabase.BULK_ROWS,
                (statement, i) -> BenchDatabase.bindUpsert(statement, DbUpsertPerson.of(i, current)),
                counts -> {}));
        check(written >= BenchDatabase.BULK_ROWS, "s9b rows");
        return written;
    }

    /** Binds row {@code i} of a batch. */
    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement statement, int i) throws SQLException;
    }

    /**
     * Runs {@code count} rows of {@code sql} as one JDBC batch in one transaction, the way a careful hand-written
     * service does; {@code verify} sees the counts before the commit and throws to roll back.
     */
    private int[] batch(String sql, int count, RowBinder binder, java.util.function.Consumer<int[]> verify)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < count; i++) {
                    binder.bind(statement, i);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                verify.accept(counts);
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Rows a batch wrote; a rewritten batch reports {@code SUCCESS_NO_INFO} per row. */
    private static int rows(int[] counts) {
        int written = 0;
        for (int count : counts) {
            written += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
        }
        return written;
    }

    @Benchmark
    public Person s1_findById() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Person person = find(connection, BenchDatabase.FIND_ID);
            check(person.id == BenchDatabase.FIND_ID, "s1 id");
            return person;
        }
    }

    private static Person find(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BenchDatabase.FIND)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Person.read(rows);
            }
        }
    }

    @Benchmark
    public List<Person> s2_select1000() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BenchDatabase.LIST)) {
            statement.setInt(1, AGE_FROM);
            statement.setInt(2, AGE_TO);
            List<Person> people = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    people.add(Person.read(rows));
                }
            }
            check(people.size() == BenchDatabase.LIST_ROWS, "s2 rows");
            return people;
        }
    }

    /** The reference of target 3: a rewritten batch that does not return ids. */
    @Benchmark
    public int s3_insert1000() throws SQLException {
        return batchInsert(BenchDatabase.INSERT_ROWS);
    }

    /** The reference of target 4: the same batch, 100,000 rows, in one transaction. */
    @Benchmark
    @org.openjdk.jmh.annotations.Warmup(iterations = 1)
    @org.openjdk.jmh.annotations.Measurement(iterations = 3)
    public int s4_insert100k(EmptyInsertTable table) throws SQLException {
        return batchInsert(bulkRows);
    }

    private int batchInsert(int count) throws SQLException {
        int inserted = rows(batch(
                BenchDatabase.INSERT,
                count,
                (statement, i) -> {
                    statement.setString(1, BenchDatabase.email(i));
                    statement.setString(2, "new");
                    statement.setInt(3, i % 100);
                    statement.setBoolean(4, true);
                },
                counts -> {}));
        check(inserted >= count, "s3/s4 rows");
        return inserted;
    }

    /** Also measured: 1,000 rows with ids, the rewritten batch cannot return them (pgjdbc falls back to one by one). */
    @Benchmark
    public List<Long> s3b_insert1000WithIds() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(BenchDatabase.INSERT, new String[] {"id"})) {
                for (int i = 0; i < BenchDatabase.INSERT_ROWS; i++) {
                    statement.setString(1, BenchDatabase.email(i));
                    statement.setString(2, "new");
                    statement.setInt(3, i % 100);
                    statement.setBoolean(4, true);
                    statement.addBatch();
                }
                statement.executeBatch();
                List<Long> ids = new ArrayList<>(BenchDatabase.INSERT_ROWS);
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                connection.commit();
                check(ids.size() == BenchDatabase.INSERT_ROWS, "s3b ids");
                return ids;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public int s5_updateById() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BenchDatabase.UPDATE)) {
            statement.setString(1, "renamed");
            statement.setLong(2, BenchDatabase.UPDATE_ID);
            statement.setLong(3, version);
            int updated = statement.executeUpdate();
            check(updated == 1, "s5 version check");
            version++;
            return updated;
        }
    }

    @Benchmark
    public List<Person> s6_pageWithCount() throws SQLException {
        return pageWithCount();
    }

    /** Scenario 13's reference: a rewritten batch of the same rows (no ids returned), the jsonb written by Jackson. */
    @Benchmark
    public int s13_insertTyped1000(EventTable table) throws SQLException {
        return insertEvents(BenchDatabase.INSERT_ROWS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int s14_insertTyped100k(EmptyEventTable table) throws SQLException {
        return insertEvents(bulkRows);
    }

    private int insertEvents(int count) throws SQLException {
        int written = rows(batch(
                EmptyEventTable.INSERT,
                count,
                (statement, i) -> {
                    DbEvent event = DbEvent.of(i);
                    statement.setObject(1, OffsetDateTime.ofInstant(event.at, ZoneOffset.UTC));
                    statement.setObject(2, event.ref);
                    statement.setBigDecimal(3, event.amount);
                    statement.setString(4, event.kind.name());
                    statement.setString(5, JSON.writeValueAsString(event.payload));
                },
                counts -> {}));
        check(written == count, "s13/s14 rows");
        return written;
    }

    /** Scenario 12's reference: the page and the count of scenario 6, with the order written into the SQL. */
    @Benchmark
    public List<Person> s12_derivedPageSorted() throws SQLException {
        return pageWithCount();
    }

    /** Scenario 10's reference: 20 rows into objects. */
    @Benchmark
    public List<Person> s10_derived20() throws SQLException {
        List<Person> rows = derived(BenchDatabase.DERIVED, Person::read);
        check(rows.size() == BenchDatabase.DERIVED_ROWS, "s10 rows");
        return rows;
    }

    /** Scenario 11's reference: the same rows into a record. */
    @Benchmark
    public List<PersonRow> s11_derived20Record() throws SQLException {
        List<PersonRow> rows = derived(
                BenchDatabase.DERIVED_RECORD,
                row -> new PersonRow(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4)));
        check(rows.size() == BenchDatabase.DERIVED_ROWS, "s11 rows");
        return rows;
    }

    /** Reads one row. */
    @FunctionalInterface
    private interface RowReader<R> {
        R read(ResultSet rows) throws SQLException;
    }

    private <R> List<R> derived(String sql, RowReader<R> reader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, BenchDatabase.DERIVED_AGE);
            statement.setLong(2, BenchDatabase.DERIVED_ID_BELOW);
            List<R> result = new ArrayList<>(BenchDatabase.DERIVED_ROWS);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
            }
            return result;
        }
    }

    private List<Person> pageWithCount() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Person> page = new ArrayList<>(BenchDatabase.PAGE_SIZE);
            try (PreparedStatement statement = connection.prepareStatement(BenchDatabase.PAGE)) {
                statement.setInt(1, AGE_FROM);
                statement.setInt(2, AGE_TO);
                statement.setInt(3, BenchDatabase.PAGE_SIZE);
                statement.setInt(4, BenchDatabase.PAGE_SIZE * BenchDatabase.PAGE_NUMBER);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(Person.read(rows));
                    }
                }
            }
            long total = count(connection);
            check(page.size() == BenchDatabase.PAGE_SIZE && total == BenchDatabase.LIST_ROWS, "s6 page");
            return page;
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BenchDatabase.COUNT)) {
            statement.setInt(1, AGE_FROM);
            statement.setInt(2, AGE_TO);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Begin; read two rows; update one with its version; insert one row returning its id; count; commit. */
    @Benchmark
    public long s7_transaction() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Person read = find(connection, BenchDatabase.TX_READ_ID);
                Person changed = find(connection, BenchDatabase.TX_UPDATE_ID);
                try (PreparedStatement update = connection.prepareStatement(BenchDatabase.UPDATE)) {
                    update.setString(1, "tx " + read.id);
                    update.setLong(2, BenchDatabase.TX_UPDATE_ID);
                    update.setLong(3, changed.version);
                    check(update.executeUpdate() == 1, "s7 update");
                }
                long id;
                try (PreparedStatement insert = connection.prepareStatement(BenchDatabase.INSERT + " RETURNING id")) {
                    insert.setString(1, "tx@example.com");
                    insert.setString(2, "tx");
                    insert.setInt(3, 1);
                    insert.setBoolean(4, true);
                    try (ResultSet rows = insert.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                }
                check(count(connection) == BenchDatabase.LIST_ROWS, "s7 count");
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public boolean s8_poolBorrowReturn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isClosed();
        }
    }
}
