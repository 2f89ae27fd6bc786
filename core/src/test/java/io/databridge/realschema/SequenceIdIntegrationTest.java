package io.databridge.realschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.testdb.StatementRecorder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * Issue 12: ids drawn from a named sequence in blocks of {@code allocationSize} (JPA's pooled optimizer): a single
 * insert takes the next id of the engine's block, a bulk insert draws every block it needs in one statement, the
 * sequence is checked at first use, and {@code schema().create} creates it counting by the block size.
 */
@io.databridge.testdb.PostgresTest
class SequenceIdIntegrationTest {

    @Table(name = "seq_film")
    public record Film(
            @Id
            @GeneratedValue(strategy = GeneratedValue.Strategy.SEQUENCE, sequence = "seq_film_ids", allocationSize = 50)
            Long id,

            String title) {}

    @Table(name = "seq_reel")
    public static class Reel {
        @Id
        @GeneratedValue(strategy = GeneratedValue.Strategy.SEQUENCE, sequence = "seq_reel_ids", allocationSize = 3)
        public Integer id;

        public String label;

        public Reel() {}

        Reel(String label) {
            this.label = label;
        }
    }

    @Table(name = "seq_mismatch")
    public record Mismatch(
            @Id
            @GeneratedValue(
                    strategy = GeneratedValue.Strategy.SEQUENCE,
                    sequence = "seq_mismatch_ids",
                    allocationSize = 50)
            Long id,

            String title) {}

    @Table(name = "seq_missing")
    public record Missing(
            @Id @GeneratedValue(strategy = GeneratedValue.Strategy.SEQUENCE, sequence = "seq_missing_ids")
            Long id,

            String title) {}

    private final DataSource dataSource;
    private final StatementRecorder statements;

    private final DataBridge db;

    SequenceIdIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.statements = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.create(statements);
    }

    @BeforeEach
    void createTables() {
        db.sql("DROP TABLE IF EXISTS seq_film, seq_reel, seq_mismatch, seq_missing")
                .update();
        db.sql("DROP SEQUENCE IF EXISTS seq_film_ids, seq_reel_ids, seq_mismatch_ids, seq_missing_ids")
                .update();
        db.schema().create(Film.class, Reel.class);
        db.sql("CREATE SEQUENCE seq_mismatch_ids").update();
        db.sql("CREATE TABLE seq_mismatch (id bigint PRIMARY KEY, title text)").update();
        db.sql("CREATE TABLE seq_missing (id bigint PRIMARY KEY, title text)").update();
        statements.reset();
    }

    @Test
    void schemaCreateMakesTheSequenceCountByTheAllocationSize() {
        assertThat(db.schema().createStatements(Film.class))
                .startsWith("CREATE SEQUENCE IF NOT EXISTS \"seq_film_ids\" INCREMENT BY 50")
                .anySatisfy(statement -> assertThat(statement)
                        .startsWith("CREATE TABLE IF NOT EXISTS \"seq_film\" (\"id\" bigint DEFAULT"
                                + " nextval('\"seq_film_ids\"')"));
        assertThat(db.sql(
                                "SELECT increment_by FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = 'seq_film_ids'")
                        .one(Long.class))
                .isEqualTo(50L);
    }

    @Test
    void singleInsertsTakeConsecutiveIdsFromOneBlock() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(db.insert(new Film(null, "film " + i)).id());
        }

        assertThat(ids).containsExactlyElementsOf(range(1, 50));
        assertThat(draws()).isEqualTo(1);
        assertThat(db.insert(new Film(null, "next block")).id()).isEqualTo(51L);
        assertThat(draws()).isEqualTo(2);
        assertThat(db.sql("SELECT count(*) FROM seq_film").one(Long.class)).isEqualTo(51L);
    }

    @Test
    void aBulkInsertDrawsEveryBlockItNeedsInOneStatementAndLeavesTheRestToTheNextInsert() {
        db.insert(new Film(null, "first"));
        List<Film> films = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            films.add(new Film(null, "bulk " + i));
        }

        List<Film> stored = db.insertAll(films);

        assertThat(stored).extracting(Film::id).containsExactlyElementsOf(range(2, 121));
        assertThat(stored)
                .extracting(Film::title)
                .containsExactlyElementsOf(films.stream().map(Film::title).toList());
        assertThat(draws())
                .as("one statement for the first block, one for the bulk insert")
                .isEqualTo(2);
        assertThat(db.insert(new Film(null, "rest of the last block")).id()).isEqualTo(122L);
        assertThat(draws()).isEqualTo(2);
        assertThat(db.sql("SELECT last_value FROM seq_film_ids").one(Long.class))
                .isEqualTo(101L);
    }

    @Test
    void intIdsAndMutableEntitiesGetTheirIdSet() {
        Reel first = db.insert(new Reel("a"));
        List<Reel> more = db.insertAll(List.of(new Reel("b"), new Reel("c"), new Reel("d"), new Reel("e")));

        assertThat(first.id).isEqualTo(1);
        assertThat(more).extracting(reel -> reel.id).containsExactly(2, 3, 4, 5);
        assertThat(db.sql("SELECT id FROM seq_reel ORDER BY id").list(Integer.class))
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void enginesAndOtherWritersNeverCollide() throws Exception {
        DataBridge other = DataBridge.create(dataSource);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                DataBridge engine = t % 2 == 0 ? db : other;
                int thread = t;
                results.add(threads.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        ids.add(engine.insert(new Film(null, thread + "/" + i)).id());
                        if (i % 20 == 0) {
                            engine.insertAll(List.of(new Film(null, "bulk a"), new Film(null, "bulk b")))
                                    .forEach(film -> ids.add(film.id()));
                        }
                        if (i % 30 == 0) {
                            // A writer that lets the column default draw: it takes a whole block.
                            db.sql("INSERT INTO seq_film (title) VALUES ('by default')")
                                    .update();
                        }
                    }
                    return ids;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> result : results) {
                for (Long id : result.get()) {
                    assertThat(all.add(id)).as("id %s handed out twice", id).isTrue();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.sql("SELECT count(*) = count(DISTINCT id) FROM seq_film").one(Boolean.class))
                .isTrue();
        assertThat(db.sql("SELECT count(*) FROM seq_film").one(Long.class)).isEqualTo(4 * (60 + 6 + 2));
    }

    @Test
    void aSequenceThatCountsByAnotherStepFailsBeforeAnyInsertAndSaysHowToFixIt() {
        assertThatThrownBy(() -> db.insert(new Mismatch(null, "x")))
                .isInstanceOf(InvalidDataAccessResourceUsageException.class)
                .hasMessage("Cannot generate ids from sequence \"seq_mismatch_ids\": it increments by 1 but"
                        + " @GeneratedValue declares allocationSize = 50, so blocks would overlap; ALTER SEQUENCE"
                        + " \"seq_mismatch_ids\" INCREMENT BY 50, or set allocationSize = 1");
        assertThatThrownBy(() -> db.insertAll(List.of(new Mismatch(null, "x"), new Mismatch(null, "y"))))
                .isInstanceOf(InvalidDataAccessResourceUsageException.class);
        assertThat(db.sql("SELECT count(*) FROM seq_mismatch").one(Long.class)).isZero();

        db.sql("ALTER SEQUENCE seq_mismatch_ids INCREMENT BY 50").update();
        assertThat(db.insert(new Mismatch(null, "fixed")).id()).isEqualTo(1L);
    }

    @Test
    void aMissingSequenceFailsWithTheStatementThatCreatesIt() {
        assertThatThrownBy(() -> db.insert(new Missing(null, "x")))
                .isInstanceOf(InvalidDataAccessResourceUsageException.class)
                .hasMessage("Cannot generate ids from sequence \"seq_missing_ids\": it does not exist; create it"
                        + " with CREATE SEQUENCE \"seq_missing_ids\" INCREMENT BY 50 (schema().create does), or"
                        + " name an existing one in @GeneratedValue(sequence = ...)");
    }

    @Test
    void theDiffCreatesAMissingSequenceOfAnExistingTable() {
        db.sql("DROP TABLE seq_reel").update();
        db.sql("DROP SEQUENCE seq_reel_ids").update();
        db.sql("CREATE TABLE seq_reel (id integer PRIMARY KEY, label text)").update();

        assertThat(db.schema().diff(Reel.class))
                .containsExactly("CREATE SEQUENCE IF NOT EXISTS \"seq_reel_ids\" INCREMENT BY 3");
    }

    /** The statements that drew blocks from a sequence since the test began. */
    private long draws() {
        return statements.recorded().sql().stream()
                .filter(sql -> sql.contains("nextval(") && sql.contains("generate_series"))
                .count();
    }

    private static List<Long> range(long from, long to) {
        List<Long> range = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            range.add(i);
        }
        return range;
    }
}
