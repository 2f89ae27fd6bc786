package io.databridge.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared database: connection settings, the one HikariCP configuration every library uses, the schema and its
 * seed data, and the SQL text the hand-written peers share.
 */
public final class BenchDatabase {

    /** Rows seeded into {@code person}. */
    public static final int SEED_ROWS = 10_000;

    /** The row scenario 1 reads. */
    public static final long FIND_ID = 4_242;

    /** The row scenario 5 updates (age 7: outside every read filter). */
    public static final long UPDATE_ID = 7;

    /** The rows scenario 7 reads and updates. */
    public static final long TX_READ_ID = 101;

    public static final long TX_UPDATE_ID = 303;

    /** The filter of scenarios 2 and 6: {@code age BETWEEN 20 AND 29} matches exactly 1,000 seeded rows. */
    public static final int AGE_FROM = 20;

    public static final int AGE_TO = 29;

    public static final int LIST_ROWS = 1_000;
    public static final int INSERT_ROWS = 1_000;
    public static final int PAGE_SIZE = 20;
    public static final int PAGE_NUMBER = 2;

    public static final String COLUMNS = "id, email, name, age, active, version";
    public static final String FIND = "SELECT " + COLUMNS + " FROM person WHERE id = ?";
    public static final String LIST = "SELECT " + COLUMNS + " FROM person WHERE age BETWEEN ? AND ? ORDER BY id";
    public static final String PAGE =
            "SELECT " + COLUMNS + " FROM person WHERE age BETWEEN ? AND ? ORDER BY name, id LIMIT ? OFFSET ?";
    public static final String COUNT = "SELECT count(*) FROM person WHERE age BETWEEN ? AND ?";

    /** Scenarios 10 and 11: {@code age = 42 AND id < 2000} matches 20 rows. */
    public static final int DERIVED_AGE = 42;

    public static final long DERIVED_ID_BELOW = 2_000;
    public static final int DERIVED_ROWS = 20;
    public static final String DERIVED = "SELECT " + COLUMNS + " FROM person WHERE age = ? AND id < ? ORDER BY id";
    public static final String DERIVED_RECORD =
            "SELECT id, email, name, age FROM person WHERE age = ? AND id < ? ORDER BY id";
    public static final String UPDATE =
            "UPDATE person SET name = ?, version = version + 1 WHERE id = ? AND version = ?";
    public static final String INSERT =
            "INSERT INTO person_insert (email, name, age, active, version) VALUES (?, ?, ?, ?, 0)";

    /** Rows of the bulk update and upsert scenarios (9 and 9b): ids 1 to 1,000 of {@code person_bulk}/{@code _upsert}. */
    public static final int BULK_ROWS = 1_000;

    /** Scenario 9: every column by id, version checked and incremented, as {@code updateAll} does. */
    public static final String BULK_UPDATE = "UPDATE person_bulk SET email = ?, name = ?, age = ?, active = ?,"
            + " version = version + 1 WHERE id = ? AND version = ?";

    /** Scenario 9b: insert or update by the assigned id. */
    public static final String UPSERT =
            "INSERT INTO person_upsert (id, email, name, age, active) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, age = EXCLUDED.age,"
                    + " active = EXCLUDED.active";

    private BenchDatabase() {}

    /**
     * Opens the pool every library uses: same size, same driver settings ({@code reWriteBatchedInserts} helps every
     * library that batches without asking for generated keys).
     */
    public static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setPassword(password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        config.setAutoCommit(true);
        config.setPoolName("bench");
        HikariDataSource dataSource = new HikariDataSource(config);
        ensureSchema(dataSource);
        return dataSource;
    }

    static String url() {
        return System.getProperty(
                "bench.url",
                "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=databridge_bench&reWriteBatchedInserts=true");
    }

    static String user() {
        return System.getProperty("bench.user", "postgres");
    }

    static String password() {
        return System.getProperty("bench.password", "");
    }

    /** Creates and seeds the schema once; later forks find it ready. */
    static synchronized void ensureSchema(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS databridge_bench");
            statement.execute("SET search_path TO databridge_bench");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables"
                    + " WHERE schemaname = 'databridge_bench'"
                    + " AND tablename IN ('person', 'person_insert', 'person_bulk', 'person_upsert')")) {
                rows.next();
                if (rows.getInt(1) == 4 && seeded(statement)) {
                    return;
                }
            }
            statement.execute("DROP TABLE IF EXISTS person, person_insert, person_bulk, person_upsert");
            for (String table : new String[] {"person", "person_insert", "person_bulk"}) {
                statement.execute("CREATE TABLE " + table + " (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " email text NOT NULL, name text NOT NULL, age integer NOT NULL,"
                        + " active boolean NOT NULL, version bigint NOT NULL DEFAULT 0)");
            }
            statement.execute("CREATE TABLE person_upsert (id bigint PRIMARY KEY, email text NOT NULL,"
                    + " name text NOT NULL, age integer NOT NULL, active boolean NOT NULL)");
            statement.execute("INSERT INTO person_bulk (email, name, age, active) SELECT 'bulk' || i || '@example.com',"
                    + " 'bulk', i % 100, true FROM generate_series(1, " + BULK_ROWS + ") AS i");
            statement.execute("CREATE INDEX person_age ON person (age)");
            statement.execute("INSERT INTO person (email, name, age, active) SELECT 'user' || i || '@example.com',"
                    + " 'name ' || lpad((i % 997)::text, 4, '0'), i % 100, i % 3 <> 0 FROM generate_series(1, "
                    + SEED_ROWS + ") AS i");
            statement.execute("ANALYZE person");
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot prepare the benchmark schema: " + ex.getMessage(), ex);
        }
    }

    private static boolean seeded(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM person")) {
            rows.next();
            return rows.getInt(1) == SEED_ROWS;
        }
    }

    /** Empties the insert target between iterations, so every iteration inserts into the same small table. */
    public static void truncateInserts(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE person_insert");
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Binds row {@code i} (id {@code i + 1}) of a scenario 9 batch to {@link #BULK_UPDATE}. */
    public static void bindBulkUpdate(PreparedStatement statement, int i, String name, long version)
            throws SQLException {
        statement.setString(1, "bulk" + (i + 1) + "@example.com");
        statement.setString(2, name);
        statement.setInt(3, (i + 1) % 100);
        statement.setBoolean(4, true);
        statement.setLong(5, i + 1);
        statement.setLong(6, version);
    }

    /** Binds one row of a scenario 9b batch to {@link #UPSERT}. */
    public static void bindUpsert(PreparedStatement statement, DbUpsertPerson row) throws SQLException {
        statement.setLong(1, row.id());
        statement.setString(2, row.email());
        statement.setString(3, row.name());
        statement.setInt(4, row.age());
        statement.setBoolean(5, row.active());
    }

    /** The current versions of the rows of {@code person_bulk}, by id (index 0 is id 1). */
    public static long[] bulkVersions(HikariDataSource dataSource) {
        long[] versions = new long[BULK_ROWS];
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, version FROM person_bulk ORDER BY id")) {
            while (rows.next()) {
                versions[rows.getInt(1) - 1] = rows.getLong(2);
            }
            return versions;
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The current version of a row, read once per trial by the libraries that check versions. */
    public static long version(HikariDataSource dataSource, long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT version FROM person WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The email of the n-th inserted row of an invocation. */
    public static String email(int i) {
        return "new" + i + "@example.com";
    }

    /** Fails the benchmark when a library did less (or other) work than asked. */
    public static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark result check failed: " + what);
        }
    }
}
