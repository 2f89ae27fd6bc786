package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.Parcel;
import io.databridge.fixtures.Tag;
import io.databridge.types.BulkForm;
import io.databridge.types.TypeCodec;
import io.databridge.types.TypeCodecs;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code insertAll} in each of its modes: one unnest statement (up to 5,000 rows), several unnest statements in a
 * transaction (more rows, or entities COPY cannot return), COPY (10,000 rows and more), and row by row.
 */
@io.databridge.testdb.PostgresTest
class BulkInsertIntegrationTest {

    private static final int UNNEST_ROWS = 1_000;
    private static final int CHUNKED_ROWS = 7_000;
    private static final int COPY_ROWS = 12_000;

    private final DataSource dataSource;
    private final DataBridge db;

    BulkInsertIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.builder(dataSource).sanitizeErrors(true).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge bridge = DataBridge.create(dataSource);
        bridge.schema().create(Parcel.class, Tag.class, Account.class, Note.class);
        bridge.sql("ALTER TABLE tag ALTER COLUMN note SET DEFAULT 'fresh'").update();
    }

    @BeforeEach
    void emptyTables() {
        db.sql("TRUNCATE parcel, tag, account, note RESTART IDENTITY").update();
        // Ids that do not start at 1 and do not follow the input order make a wrong mapping visible.
        db.sql("SELECT setval(pg_get_serial_sequence('parcel', 'id'), 1000)").list(Long.class);
    }

    private static List<Parcel> parcels(int count) {
        List<Parcel> parcels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Parcel parcel = new Parcel("parcel-" + i);
            parcel.weight = i;
            parcels.add(parcel);
        }
        return parcels;
    }

    private Map<Long, String> storedLabels() {
        Map<Long, String> labels = new LinkedHashMap<>();
        for (Parcel parcel : db.sql("SELECT * FROM parcel ORDER BY id").list(Parcel.class)) {
            labels.put(parcel.id, parcel.label);
        }
        return labels;
    }

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).one(Long.class);
    }

    private static void assertIdsMatchTheStoredRows(List<Parcel> input, List<Parcel> stored, Map<Long, String> rows) {
        assertThat(stored).hasSize(input.size());
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            Parcel parcel = stored.get(i);
            assertThat(parcel).isSameAs(input.get(i));
            assertThat(parcel.id).isNotNull();
            assertThat(ids.add(parcel.id)).isTrue();
            assertThat(rows.get(parcel.id)).isEqualTo("parcel-" + i);
            assertThat(parcel.version).isZero();
            assertThat(parcel.createdAt).isNotNull();
        }
        assertThat(rows).hasSize(input.size());
    }

    @Test
    void unnestReturnsEachRowsIdToTheEntityAtItsInputPosition() {
        List<Parcel> input = parcels(UNNEST_ROWS);
        List<Parcel> stored = db.insertAll(input);
        assertIdsMatchTheStoredRows(input, stored, storedLabels());
        assertThat(stored.get(0).id).isGreaterThan(1000L);
    }

    @Test
    void copyReturnsEachRowsIdToTheEntityAtItsInputPosition() {
        List<Parcel> input = parcels(COPY_ROWS);
        List<Parcel> stored = db.insertAll(input);
        Map<Long, String> rows = storedLabels();
        assertIdsMatchTheStoredRows(input, stored, rows);
        Parcel first = db.findById(Parcel.class, stored.get(0).id).orElseThrow();
        assertThat(first.createdAt).isEqualTo(stored.get(0).createdAt);
        assertThat(first.weight).isEqualTo(0);
    }

    @Test
    void copyIdsAreContiguousAndAscendingWhenNoOneElseTakesValues() {
        List<Parcel> stored = db.insertAll(parcels(COPY_ROWS));
        for (int i = 0; i < COPY_ROWS; i++) {
            assertThat(stored.get(i).id).isEqualTo(1001L + i);
        }
        assertThat(db.sql("SELECT last_value FROM parcel_id_seq").one(Long.class))
                .isEqualTo(1000L + COPY_ROWS);
    }

    @Test
    void copyReturnsTheRightIdsWhenTheSequenceLeavesGaps() {
        // The ids COPY allocates are not one range (as when another session inserts at the same time): the allocation
        // then returns every id, and they still reach the right entities.
        db.sql("ALTER SEQUENCE parcel_id_seq INCREMENT BY 3").update();
        try {
            List<Parcel> input = parcels(COPY_ROWS);
            List<Parcel> stored = db.insertAll(input);
            assertIdsMatchTheStoredRows(input, stored, storedLabels());
            for (int i = 0; i < COPY_ROWS; i++) {
                assertThat(stored.get(i).id).isEqualTo(1003L + 3L * i);
            }
        } finally {
            db.sql("ALTER SEQUENCE parcel_id_seq INCREMENT BY 1").update();
        }
    }

    private static void assertAscending(List<Parcel> stored) {
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).id).isGreaterThan(stored.get(i - 1).id);
        }
    }

    /** A trigger that draws from parcel's id sequence for rows of even weight, as a concurrent inserter would. */
    private void drawIdsOnEvenWeights() {
        db.sql("CREATE OR REPLACE FUNCTION draw_parcel_id() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN IF NEW.weight % 2 = 0 THEN PERFORM nextval(pg_get_serial_sequence('parcel', 'id'));"
                        + " END IF; RETURN NEW; END $$")
                .update();
        db.sql("CREATE TRIGGER draw_parcel_id BEFORE INSERT ON parcel FOR EACH ROW EXECUTE FUNCTION draw_parcel_id()")
                .update();
    }

    private void dropDrawTrigger() {
        db.sql("DROP TRIGGER IF EXISTS draw_parcel_id ON parcel").update();
    }

    @Test
    void aTriggerThatDrawsFromTheIdSequenceDoesNotMixUpTheIds() {
        drawIdsOnEvenWeights();
        try {
            List<Parcel> input = parcels(COPY_ROWS);
            List<Parcel> stored = db.insertAll(input);
            assertIdsMatchTheStoredRows(input, stored, storedLabels());
            assertAscending(stored);
            // A table with triggers gets its ids allocated before the COPY: one range, the trigger draws after it.
            assertThat(stored.get(COPY_ROWS - 1).id - stored.get(0).id + 1).isEqualTo(COPY_ROWS);
            assertThat(db.sql("SELECT last_value FROM parcel_id_seq").one(Long.class))
                    .isEqualTo(stored.get(COPY_ROWS - 1).id + COPY_ROWS / 2);
        } finally {
            dropDrawTrigger();
        }
    }

    /**
     * Runs a load whose COPY, at row {@code blockedRow}, waits for another session's uncommitted row with the same
     * label; while it waits, that session draws five ids from parcel's sequence, then rolls back. The load's ids then
     * have a gap, deterministically.
     */
    private List<Parcel> loadWhileAnotherSessionDraws(int blockedRow, Supplier<List<Parcel>> load) throws Exception {
        try (Connection other = dataSource.getConnection();
                Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("INSERT INTO parcel (label, volume, fragile, version, created_at)" + " VALUES ('parcel-"
                    + blockedRow + "', 0, false, 0, now())");
            CompletableFuture<List<Parcel>> result = CompletableFuture.supplyAsync(load);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (db.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE 'COPY%'")
                            .one(Long.class)
                    == 0) {
                assertThat(System.nanoTime())
                        .as("the COPY waits for the other session")
                        .isLessThan(deadline);
                assertThat(result).isNotDone();
                Thread.sleep(20);
            }
            statement.execute("SELECT nextval(pg_get_serial_sequence('parcel', 'id')) FROM generate_series(1, 5)");
            other.rollback();
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void copyReadsBackItsIdsWhenAnotherSessionDrawsDuringTheLoad() throws Exception {
        List<Parcel> input = parcels(COPY_ROWS);
        List<Parcel> stored = loadWhileAnotherSessionDraws(COPY_ROWS / 2, () -> db.insertAll(input));
        assertIdsMatchTheStoredRows(input, stored, storedLabels());
        assertAscending(stored);
        assertThat(stored.get(COPY_ROWS - 1).id - stored.get(0).id + 1).isEqualTo(COPY_ROWS + 5);
    }

    @Test
    void copyReadsBackItsIdsUnderASavepointAfterEarlierRowsOfTheSameTransaction() throws Exception {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        TransactionTemplate outer = new TransactionTemplate(manager);
        TransactionTemplate nested = new TransactionTemplate(manager);
        nested.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        List<Parcel> input = parcels(COPY_ROWS);
        List<Parcel> stored = loadWhileAnotherSessionDraws(
                COPY_ROWS / 3,
                () -> outer.execute(status -> {
                    db.insert(new Parcel("parcel-before"));
                    return nested.execute(inner -> db.insertAll(input));
                }));
        Map<Long, String> rows = storedLabels();
        assertThat(rows.values().remove("parcel-before")).isTrue();
        assertIdsMatchTheStoredRows(input, stored, rows);
        assertAscending(stored);
        assertThat(stored.get(COPY_ROWS - 1).id - stored.get(0).id + 1).isEqualTo(COPY_ROWS + 5);
    }

    @Test
    void copyAllocatesIdsUpFrontFromASequenceNeverCalledOrCachingValues() {
        db.sql("TRUNCATE parcel RESTART IDENTITY").update();
        List<Parcel> fresh = db.insertAll(parcels(COPY_ROWS));
        assertThat(fresh.get(0).id).isEqualTo(1L);
        assertThat(fresh.get(COPY_ROWS - 1).id).isEqualTo((long) COPY_ROWS);
        db.sql("TRUNCATE parcel").update();
        db.sql("ALTER SEQUENCE parcel_id_seq CACHE 50").update();
        try {
            db.insert(new Parcel("parcel-cached"));
            List<Parcel> input = parcels(COPY_ROWS);
            List<Parcel> stored = db.insertAll(input);
            Map<Long, String> rows = storedLabels();
            rows.values().remove("parcel-cached");
            assertIdsMatchTheStoredRows(input, stored, rows);
        } finally {
            db.sql("ALTER SEQUENCE parcel_id_seq CACHE 1").update();
        }
    }

    @Test
    void copyKeepsEveryIdRightWhileAnotherSessionInsertsIntoTheSameTable() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger others = new java.util.concurrent.atomic.AtomicInteger();
        Thread other = new Thread(() -> {
            while (running.get()) {
                db.insert(new Parcel("other-" + others.incrementAndGet()));
            }
        });
        other.start();
        List<List<Parcel>> loads = new ArrayList<>();
        try {
            for (int load = 0; load < 3; load++) {
                List<Parcel> input = parcels(COPY_ROWS);
                input.forEach(parcel -> parcel.label = parcel.label + "-load-" + loads.size());
                loads.add(db.insertAll(input));
            }
        } finally {
            running.set(false);
            other.join();
        }
        Map<Long, String> rows = storedLabels();
        assertThat(rows).hasSize(3 * COPY_ROWS + others.get());
        for (int load = 0; load < loads.size(); load++) {
            List<Parcel> stored = loads.get(load);
            for (int i = 0; i < COPY_ROWS; i++) {
                assertThat(rows.get(stored.get(i).id)).isEqualTo("parcel-" + i + "-load-" + load);
            }
            assertAscending(stored);
        }
    }

    @io.databridge.mapping.Table(name = "gauge")
    public static class Gauge {
        @io.databridge.mapping.Id
        @io.databridge.mapping.GeneratedValue
        public Integer id;

        public String label;

        public Gauge() {}

        Gauge(String label) {
            this.label = label;
        }
    }

    @io.databridge.mapping.Table(name = "dial")
    public static class Dial {
        @io.databridge.mapping.Id
        @io.databridge.mapping.GeneratedValue
        public Long id;

        public String label;

        public Dial() {}

        Dial(String label) {
            this.label = label;
        }
    }

    @io.databridge.mapping.Table(name = "meter", schema = "bulk_insert_other")
    public static class Meter {
        @io.databridge.mapping.Id
        @io.databridge.mapping.GeneratedValue
        public Long id;

        public String label;

        public Meter() {}

        Meter(String label) {
            this.label = label;
        }
    }

    @Test
    void copyDrawsIdsForIntegerAlwaysIdentitiesSerialColumnsOwnedSequencesAndTablesInOtherSchemas() {
        db.sql("DROP TABLE IF EXISTS gauge").update();
        db.sql("CREATE TABLE gauge (id integer GENERATED ALWAYS AS IDENTITY (START WITH 500) PRIMARY KEY,"
                        + " label text NOT NULL UNIQUE)")
                .update();
        db.sql("DROP SCHEMA IF EXISTS bulk_insert_other CASCADE").update();
        db.sql("CREATE SCHEMA bulk_insert_other").update();
        db.sql("CREATE TABLE bulk_insert_other.meter (id bigserial PRIMARY KEY, label text NOT NULL UNIQUE)")
                .update();
        // A sequence owned by the id column, which has no default: ids must be allocated and sent.
        db.sql("DROP TABLE IF EXISTS dial").update();
        db.sql("CREATE TABLE dial (id bigint PRIMARY KEY, label text NOT NULL UNIQUE)")
                .update();
        db.sql("CREATE SEQUENCE dial_numbers START WITH 70 OWNED BY dial.id").update();
        db.sql("SELECT nextval('dial_numbers')").one(Long.class);
        try {
            // First load: the sequences were never called, so the ids are allocated up front; the second load lets
            // the column defaults draw them.
            for (int load = 0; load < 2; load++) {
                int offset = load * COPY_ROWS;
                List<Gauge> gauges = IntStream.range(0, COPY_ROWS)
                        .mapToObj(i -> new Gauge("gauge-" + (offset + i)))
                        .toList();
                List<Gauge> storedGauges = db.insertAll(gauges);
                List<Meter> meters = IntStream.range(0, COPY_ROWS)
                        .mapToObj(i -> new Meter("meter-" + (offset + i)))
                        .toList();
                List<Meter> storedMeters = db.insertAll(meters);
                List<Dial> dials = IntStream.range(0, COPY_ROWS)
                        .mapToObj(i -> new Dial("dial-" + (offset + i)))
                        .toList();
                List<Dial> storedDials = db.insertAll(dials);
                for (int i = 0; i < COPY_ROWS; i++) {
                    assertThat(storedGauges.get(i).id).isEqualTo(500 + offset + i);
                    assertThat(storedMeters.get(i).id).isEqualTo(1L + offset + i);
                    assertThat(storedDials.get(i).id).isEqualTo(71L + offset + i);
                }
            }
            assertThat(db.sql("SELECT count(*) FROM gauge WHERE label = 'gauge-' || (id - 500)")
                            .one(Long.class))
                    .isEqualTo(2L * COPY_ROWS);
            assertThat(db.sql("SELECT count(*) FROM bulk_insert_other.meter WHERE label = 'meter-' || (id - 1)")
                            .one(Long.class))
                    .isEqualTo(2L * COPY_ROWS);
        } finally {
            db.sql("DROP SCHEMA bulk_insert_other CASCADE").update();
            db.sql("DROP TABLE gauge, dial").update();
        }
    }

    @Test
    void manyUnnestChunksReturnIdsInInputOrderAndColumnDefaults() {
        List<Tag> input = IntStream.range(0, CHUNKED_ROWS)
                .mapToObj(i -> Tag.of("tag-" + i))
                .toList();
        List<Tag> stored = db.insertAll(input);
        assertThat(stored).hasSize(CHUNKED_ROWS);
        Map<UUID, String> rows = new LinkedHashMap<>();
        for (Tag tag : db.sql("SELECT * FROM tag").list(Tag.class)) {
            rows.put(tag.id(), tag.name());
        }
        assertThat(rows).hasSize(CHUNKED_ROWS);
        for (int i = 0; i < CHUNKED_ROWS; i++) {
            assertThat(rows.get(stored.get(i).id())).isEqualTo("tag-" + i);
            assertThat(stored.get(i).note()).isEqualTo("fresh");
        }
    }

    @Test
    void assignedIdsAreInsertedAsGivenByUnnestAndByCopy() {
        for (int count : new int[] {10, COPY_ROWS}) {
            db.sql("TRUNCATE account").update();
            List<Account> input = IntStream.range(0, count)
                    .mapToObj(i -> new Account(UUID.randomUUID(), "owner-" + i, new BigDecimal(i + ".50")))
                    .toList();
            List<Account> stored = db.insertAll(input);
            assertThat(stored).containsExactlyElementsOf(input);
            Account last = input.get(count - 1);
            assertThat(db.findById(Account.class, last.id())).contains(last);
            assertThat(count("account")).isEqualTo(count);
        }
    }

    @Test
    void everyKindOfValueAndNullsRoundTripThroughUnnestAndCopy() {
        for (int count : new int[] {2, COPY_ROWS}) {
            db.sql("TRUNCATE parcel").update();
            List<Parcel> input = parcels(count);
            Parcel full = input.get(0);
            full.label = "Ünïcødé ✓ 日本 \"quoted\" back\\slash\ttab\nnewline, {braces}";
            full.volume = 1.5e-3;
            full.fragile = true;
            full.price = new BigDecimal("12345.6789");
            full.reference = UUID.randomUUID();
            full.shippedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            full.due = LocalDate.of(2030, 12, 31);
            full.size = Parcel.Size.LARGE;
            full.pgSize = Parcel.Size.SMALL;
            full.attributes = Map.of("fragile", true, "note", "🚚 \"x\"", "n", 3);
            full.tags = List.of("a", "b,c", "d\"e", "", "ü");
            full.photo = new byte[] {0, 1, (byte) 0xff, 0x5c};
            Parcel empty = input.get(1);
            empty.weight = null;

            List<Parcel> stored = db.insertAll(input);

            Parcel readFull = db.findById(Parcel.class, stored.get(0).id).orElseThrow();
            assertThat(readFull)
                    .usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(full);
            Parcel readEmpty = db.findById(Parcel.class, stored.get(1).id).orElseThrow();
            assertThat(readEmpty).usingRecursiveComparison().isEqualTo(empty);
            assertThat(readEmpty.attributes).isNull();
            assertThat(readEmpty.tags).isNull();
            assertThat(readEmpty.weight).isNull();
        }
    }

    @Test
    void listsWithNullElementsRoundTrip() {
        Parcel parcel = new Parcel("nulls");
        parcel.tags = new ArrayList<>(java.util.Arrays.asList("x", null, "NULL"));
        db.insertAll(List.of(parcel, new Parcel("other")));
        assertThat(db.findById(Parcel.class, parcel.id).orElseThrow().tags).containsExactly("x", null, "NULL");
    }

    @Test
    void aDuplicateInTheMiddleOfOneUnnestStatementInsertsNothingAndLeaksNothing() {
        List<Parcel> input = parcels(UNNEST_ROWS);
        input.get(UNNEST_ROWS / 2).label = "parcel-7";
        assertFailsSanitizedAndInsertsNothing(() -> db.insertAll(input), "parcel");
    }

    @Test
    void aDuplicateInALaterUnnestChunkInsertsNothingAndLeaksNothing() {
        List<Tag> input = new ArrayList<>(IntStream.range(0, CHUNKED_ROWS)
                .mapToObj(i -> Tag.of("tag-" + i))
                .toList());
        input.set(CHUNKED_ROWS - 10, Tag.of("tag-3"));
        assertFailsSanitizedAndInsertsNothing(() -> db.insertAll(input), "tag");
    }

    @Test
    void aDuplicateInTheMiddleOfACopyInsertsNothingAndLeaksNothing() {
        List<Parcel> input = parcels(COPY_ROWS);
        input.get(COPY_ROWS - 100).label = "parcel-7";
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger errors = (Logger) LoggerFactory.getLogger("io.databridge.error");
        errors.addAppender(log);
        try {
            assertFailsSanitizedAndInsertsNothing(() -> db.insertAll(input), "parcel");
        } finally {
            errors.detachAppender(log);
        }
        // The log names the COPY that ran: the id column's default drew the ids, so the id is not in its list.
        assertThat(log.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("task: insertAll Parcel")
                .contains("SQL: COPY \"parcel\" (\"label\", ");
    }

    @Test
    void aBulkInsertJoinsTheCallersTransactionAndRollsBackWithIt() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            db.insertAll(parcels(UNNEST_ROWS));
            db.insertAll(parcels(COPY_ROWS).subList(UNNEST_ROWS, COPY_ROWS));
            assertThat(count("parcel")).isEqualTo(COPY_ROWS);
            status.setRollbackOnly();
        });
        assertThat(count("parcel")).isZero();
    }

    @Test
    void mixedSetAndUnsetIdsAreInsertedRowByRowInInputOrder() {
        List<Note> stored = db.insertAll(List.of(Note.of("one"), new Note(500L, "two", null), Note.of("three")));
        assertThat(stored).extracting(Note::text).containsExactly("one", "two", "three");
        assertThat(stored.get(1).id()).isEqualTo(500L);
        assertThat(stored).allSatisfy(note -> assertThat(note.version()).isZero());
    }

    @Test
    void aValueTheCodecRejectsFailsTheWholeCallBeforeAnythingIsWritten() {
        // COPY checks each row as it streams: a bad value late in the load cancels the COPY and keeps nothing.
        for (int count : new int[] {10, CHUNKED_ROWS, COPY_ROWS}) {
            List<Parcel> input = parcels(count);
            input.get(count - 5).label = "bad\u0000label";
            assertThatThrownBy(() -> db.insertAll(input))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageStartingWith("Cannot bind " + Parcel.class.getName() + ".label (String): ")
                    .hasMessageContaining("NUL")
                    .hasMessageNotContaining("bad");
            assertThat(count("parcel")).isZero();
            assertThat(input.get(0).id).isNull();
        }
    }

    /** Only typed columns: the stored row is the row sent, so the statements return ids, not rows. */
    @io.databridge.mapping.Table(name = "crate")
    public static class Crate {
        @io.databridge.mapping.Id
        @io.databridge.mapping.GeneratedValue
        public Long id;

        @io.databridge.mapping.Column(unique = true, nullable = false)
        public String label;

        public Integer weight;
        public boolean fragile;

        @io.databridge.mapping.Version
        public long version;

        @io.databridge.mapping.CreatedAt
        public Instant createdAt;

        public Crate() {}

        Crate(String label, @Nullable Integer weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    /** Only typed columns and an assigned id. */
    @io.databridge.mapping.Table(name = "pallet")
    record Pallet(@io.databridge.mapping.Id Long id, String label, double volume) {}

    private List<Crate> crates(int count) {
        db.schema().create(Crate.class);
        db.sql("TRUNCATE crate RESTART IDENTITY").update();
        db.sql("SELECT setval(pg_get_serial_sequence('crate', 'id'), 5000)").list(Long.class);
        List<Crate> crates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            crates.add(new Crate("crate-" + i, i % 7 == 0 ? null : i));
        }
        return crates;
    }

    @Test
    void typedColumnsOnlyReturnConsecutiveIdsAsARangeAndGappedIdsOneByOne() {
        List<Crate> consecutive = db.insertAll(crates(UNNEST_ROWS));
        for (int i = 0; i < UNNEST_ROWS; i++) {
            assertThat(consecutive.get(i).id).isEqualTo(5001L + i);
        }
        for (int count : new int[] {UNNEST_ROWS, CHUNKED_ROWS}) {
            List<Crate> input = crates(count);
            db.sql("ALTER SEQUENCE crate_id_seq INCREMENT BY 2").update();
            try {
                List<Crate> stored = db.insertAll(input);
                Map<Long, String> labels = new LinkedHashMap<>();
                for (Crate crate : db.sql("SELECT * FROM crate").list(Crate.class)) {
                    labels.put(crate.id, crate.label);
                }
                for (int i = 0; i < count; i++) {
                    assertThat(stored.get(i).id).isEqualTo(5002L + 2L * i);
                    assertThat(labels.get(stored.get(i).id)).isEqualTo("crate-" + i);
                }
            } finally {
                db.sql("ALTER SEQUENCE crate_id_seq INCREMENT BY 1").update();
            }
        }
    }

    @Test
    void typedColumnsOnlyReturnEachRowsIdAndComputedValuesInInputOrderInEveryMode() {
        for (int count : new int[] {1, UNNEST_ROWS, CHUNKED_ROWS, COPY_ROWS}) {
            List<Crate> input = crates(count);
            List<Crate> stored = db.insertAll(input);
            assertThat(stored).hasSize(count);
            Map<Long, Crate> rows = new LinkedHashMap<>();
            for (Crate crate : db.sql("SELECT * FROM crate").list(Crate.class)) {
                rows.put(crate.id, crate);
            }
            assertThat(rows).hasSize(count);
            for (int i = 0; i < count; i++) {
                Crate crate = stored.get(i);
                assertThat(crate).isSameAs(input.get(i));
                assertThat(crate.id).isGreaterThan(5000L);
                assertThat(rows.get(crate.id)).usingRecursiveComparison().isEqualTo(crate);
                assertThat(crate.weight).isEqualTo(i % 7 == 0 ? null : i);
                assertThat(crate.version).isZero();
                assertThat(crate.createdAt).isNotNull();
            }
        }
    }

    @Test
    void typedColumnsOnlyWithAssignedIdsAreInsertedAsGiven() {
        db.schema().create(Pallet.class);
        db.sql("TRUNCATE pallet").update();
        List<Pallet> input = IntStream.range(0, UNNEST_ROWS)
                .mapToObj(i -> new Pallet(10_000L - i, "pallet-" + i, i / 3.0))
                .toList();
        assertThat(db.insertAll(input)).containsExactlyElementsOf(input);
        assertThat(db.findById(Pallet.class, 10_000L - 5)).contains(input.get(5));
        assertThat(count("pallet")).isEqualTo(UNNEST_ROWS);
    }

    @Test
    void typedColumnsOnlyFailAllOrNothingAndLeakNothing() {
        List<Crate> input = crates(UNNEST_ROWS);
        input.get(UNNEST_ROWS / 2).label = "crate-7";
        assertFailsSanitizedAndInsertsNothing(() -> db.insertAll(input), "crate");
        List<Crate> chunked = crates(CHUNKED_ROWS);
        chunked.get(CHUNKED_ROWS - 10).label = "crate-3";
        assertFailsSanitizedAndInsertsNothing(() -> db.insertAll(chunked), "crate");
        List<Crate> copied = crates(COPY_ROWS);
        copied.get(COPY_ROWS - 10).label = "crate-3";
        assertFailsSanitizedAndInsertsNothing(() -> db.insertAll(copied), "crate");
        // Typed columns are checked as the rows stream: a NUL late in the load cancels the COPY.
        List<Crate> nul = crates(COPY_ROWS);
        nul.get(COPY_ROWS - 10).label = "bad\u0000label";
        assertThatThrownBy(() -> db.insertAll(nul))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining(".label (String): PostgreSQL text cannot contain the NUL character")
                .hasMessageNotContaining("bad");
        assertThat(count("crate")).isZero();
        assertThat(nul.get(0).id).isNull();
    }

    /** Money through a user codec that binds a BigDecimal: carried as its text form. */
    record Money(BigDecimal amount) {}

    /** A value only a driver-specific setter can bind: the bulk paths cannot carry it. */
    record Stamp(java.sql.Timestamp at) {}

    @io.databridge.mapping.Table(name = "ledger")
    record Ledger(
            @io.databridge.mapping.Id @io.databridge.mapping.GeneratedValue
            Long id,

            Money money,
            Stamp stamp) {}

    @Test
    void userCodecsWithABulkFormTravelInOneStatementAndOthersRowByRow() {
        SimpleCodec<Money> money = new SimpleCodec<>(
                "numeric(19, 4)", (s, i, v) -> s.setBigDecimal(i, v.amount()), (r, i) -> new Money(r.getBigDecimal(i)));
        TypeCodecs codecs = TypeCodecs.builder()
                .register(
                        Money.class,
                        new BulkCodec<>(
                                money, BulkForm.text("numeric", m -> m.amount().toString())))
                .register(
                        Stamp.class,
                        new SimpleCodec<>(
                                "timestamp",
                                (s, i, v) -> s.setTimestamp(i, v.at()),
                                (r, i) -> new Stamp(r.getTimestamp(i))))
                .build();
        ObservationRegistry registry = ObservationRegistry.create();
        AtomicInteger statements = new AtomicInteger();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                statements.incrementAndGet();
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        DataBridge custom = DataBridge.builder(dataSource)
                .codecs(codecs)
                .observationRegistry(registry)
                .build();
        custom.schema().create(Ledger.class, Purse.class);
        java.sql.Timestamp at = java.sql.Timestamp.valueOf("2030-01-02 03:04:05");
        List<Purse> input = List.of(
                new Purse(null, new Money(new BigDecimal("1.5000"))),
                new Purse(null, new Money(new BigDecimal("2.25"))));
        // The engine looks the id column's sequence up once per entity; take that out of the count below.
        custom.insertAll(List.of(new Purse(null, new Money(BigDecimal.TEN))));
        int before = statements.get();
        List<Purse> inserted = custom.insertAll(input);
        assertThat(statements.get()).as("one unnest statement").isEqualTo(before + 1);
        // The call returns the values as sent (as COPY does); the column's scale applies to what is stored.
        assertThat(inserted)
                .extracting(Purse::money)
                .containsExactly(new Money(new BigDecimal("1.5000")), new Money(new BigDecimal("2.25")));
        assertThat(custom.findById(Purse.class, inserted.get(1).id())
                        .orElseThrow()
                        .money())
                .isEqualTo(new Money(new BigDecimal("2.2500")));
        List<Ledger> stamped = custom.insertAll(List.of(
                new Ledger(null, new Money(BigDecimal.ONE), new Stamp(at)), new Ledger(null, null, new Stamp(at))));
        assertThat(stamped).extracting(Ledger::stamp).containsExactly(new Stamp(at), new Stamp(at));
        assertThat(stamped.get(1).id()).isEqualTo(stamped.get(0).id() + 1);
        assertThat(statements.get()).as("one read, then one insert per row").isEqualTo(before + 4);
    }

    /** An entity whose only user codec has a bulk form. */
    @io.databridge.mapping.Table
    record Purse(
            @io.databridge.mapping.Id @io.databridge.mapping.GeneratedValue
            Long id,

            Money money) {}

    /** A codec with a bulk form. */
    record BulkCodec<T>(TypeCodec<T> codec, BulkForm<T> bulkForm) implements TypeCodec<T> {
        @Override
        public String sqlType() {
            return codec.sqlType();
        }

        @Override
        public void bind(java.sql.PreparedStatement statement, int index, @Nullable T value) throws SQLException {
            codec.bind(statement, index, value);
        }

        @Override
        public @Nullable T read(java.sql.ResultSet rows, int index) throws SQLException {
            return codec.read(rows, index);
        }
    }

    /** A codec from lambdas. */
    record SimpleCodec<T>(String sqlType, Binder<T> binder, Reader<T> reader) implements TypeCodec<T> {
        interface Binder<T> {
            void bind(java.sql.PreparedStatement statement, int index, T value) throws SQLException;
        }

        interface Reader<T> {
            T read(java.sql.ResultSet rows, int index) throws SQLException;
        }

        @Override
        public void bind(java.sql.PreparedStatement statement, int index, @Nullable T value) throws SQLException {
            if (value == null) {
                statement.setNull(index, java.sql.Types.OTHER);
            } else {
                binder.bind(statement, index, value);
            }
        }

        @Override
        public @Nullable T read(java.sql.ResultSet rows, int index) throws SQLException {
            Object raw = rows.getObject(index);
            return raw == null ? null : reader.read(rows, index);
        }
    }

    private void assertFailsSanitizedAndInsertsNothing(Runnable call, String table) {
        assertThatThrownBy(call::run).isInstanceOf(DuplicateKeyException.class).satisfies(ex -> {
            assertThat(ex.getMessage())
                    .doesNotContain(table)
                    .doesNotContain("label")
                    .doesNotContain("name")
                    .doesNotContain("_key")
                    .doesNotContain("-7")
                    .doesNotContain("-3");
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                assertThat(cause).isNotInstanceOf(SQLException.class);
            }
        });
        assertThat(count(table)).isZero();
        assertThat(db.insertAll(List.of(Tag.of("still-usable")))).hasSize(1);
        db.sql("TRUNCATE tag").update();
    }
}
