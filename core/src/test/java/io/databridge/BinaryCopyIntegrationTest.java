package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.mapping.Column;
import io.databridge.mapping.CreatedAt;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import io.databridge.types.EnumType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The binary COPY of {@code insertAll} (10,000 rows and more, every column of a type whose binary form saves the
 * server parsing): it must store exactly what one {@code insert} of the same entity stores, value for value, or stay
 * in the text format when a column's type in the table is not the one its codec writes.
 */
@io.databridge.testdb.PostgresTest
class BinaryCopyIntegrationTest {

    private static final int COPY_ROWS = 10_000;

    /** How many rows are also inserted one by one, to compare with. */
    private static final int INSERTED = 60;

    private final DataSource dataSource;
    private final DataBridge db;

    BinaryCopyIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.builder(dataSource).sanitizeErrors(true).build();
    }

    /** Every value type with a binary field, and the computed columns. */
    @Table(name = "binary_reading")
    public static class Reading {
        public enum Kind {
            LOW,
            HIGH
        }

        @Id
        @GeneratedValue
        public Long id;

        public int seq;
        public String origin;
        public Instant at;
        public OffsetDateTime moment;
        public LocalDateTime local;
        public LocalDate day;
        public BigDecimal amount;

        @Column(precision = 12, scale = 2)
        public BigDecimal price;

        public BigInteger big;
        public UUID ref;
        public Kind kind;

        @Enumerated(value = EnumType.POSTGRES, typeName = "binary_kind")
        public Kind pgKind;

        @Json
        public Map<String, Object> payload;

        public String label;
        public Character letter;
        public Short small;
        public Long count;
        public Double ratio;
        public Float weight;
        public Boolean flag;
        public byte[] photo;

        @Version
        public long version;

        @CreatedAt
        public Instant createdAt;
    }

    /** Java types narrower or wider than the columns the table has. */
    @Table(name = "binary_mismatch")
    public static class Mismatch {
        @Id
        @GeneratedValue
        public Long id;

        public int widened;
        public long narrowed;
        public String note;
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge bridge = DataBridge.create(dataSource);
        bridge.sql("DROP TABLE IF EXISTS binary_reading, binary_mismatch").update();
        bridge.sql("DROP TYPE IF EXISTS binary_kind").update();
        bridge.sql("CREATE TYPE binary_kind AS ENUM ('LOW', 'HIGH')").update();
        bridge.schema().create(Reading.class);
        bridge.sql("CREATE TABLE binary_mismatch (id bigserial PRIMARY KEY, widened bigint NOT NULL,"
                        + " narrowed integer NOT NULL, note text)")
                .update();
    }

    @BeforeEach
    void empty() {
        db.sql("TRUNCATE binary_reading, binary_mismatch").update();
    }

    private static final List<IntFunction<Reading>> EDGES = List.of(
            i -> new Reading(),
            i -> {
                Reading r = new Reading();
                r.at = Instant.parse("2024-02-29T12:34:56.123456789Z");
                r.moment = OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_500, ZoneOffset.ofHoursMinutes(5, 30));
                r.local = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_500);
                r.day = LocalDate.of(2000, 1, 1);
                r.amount = new BigDecimal("12345.6789");
                r.price = new BigDecimal("0.005");
                r.big = BigInteger.TEN.pow(40);
                r.ref = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
                r.kind = Reading.Kind.HIGH;
                r.pgKind = Reading.Kind.LOW;
                r.payload = Map.of("note", "🚚 \"x\"\ttab", "n", 3, "big", new BigDecimal("1e400"));
                r.label = "Ünïcødé ✓ 日本 \"quoted\" back\\slash\ttab\nnewline\r\u0001 \uD83D\uDE00";
                r.letter = 'ß';
                r.small = Short.MIN_VALUE;
                r.count = Long.MIN_VALUE;
                r.ratio = Double.NaN;
                r.weight = -0.0f;
                r.flag = false;
                r.photo = new byte[] {0, 1, (byte) 0xff, 0x5c, '\t', '\n'};
                return r;
            },
            i -> {
                Reading r = new Reading();
                r.at = Instant.ofEpochSecond(-1, 999_999_500);
                r.moment = OffsetDateTime.MAX;
                r.local = LocalDateTime.MIN;
                r.day = LocalDate.MAX;
                r.amount = new BigDecimal("1E+3");
                r.price = new BigDecimal("-9999999999.994");
                r.big = BigInteger.valueOf(-7);
                r.ref = new UUID(-1L, Long.MIN_VALUE);
                r.label = "";
                r.small = Short.MAX_VALUE;
                r.count = Long.MAX_VALUE;
                r.ratio = Double.NEGATIVE_INFINITY;
                r.weight = Float.MIN_VALUE;
                r.flag = true;
                r.photo = new byte[0];
                r.payload = Map.of();
                return r;
            },
            i -> {
                Reading r = new Reading();
                r.at = Instant.parse("1900-02-28T00:00:00.000000500Z");
                r.moment = OffsetDateTime.MIN;
                r.local = LocalDateTime.MAX;
                r.day = LocalDate.of(-44, 3, 15);
                r.amount = new BigDecimal("-123456789012345678901234567890.123456789012345678901234567890");
                r.price = new BigDecimal("10000");
                r.big = BigInteger.ZERO;
                r.ratio = -0.0;
                r.weight = Float.POSITIVE_INFINITY;
                return r;
            },
            i -> {
                Reading r = new Reading();
                r.day = LocalDate.MIN;
                r.amount = new BigDecimal("0.0000000000000000000100");
                r.price = BigDecimal.ZERO.setScale(5);
                r.ratio = 1.5e-300;
                r.count = 0L;
                return r;
            },
            i -> {
                Reading r = new Reading();
                r.amount = new BigDecimal("9999.99990000");
                r.price = new BigDecimal("1E-7");
                r.day = LocalDate.of(1, 1, 1);
                r.at = Instant.parse("2262-04-11T23:47:16.854775807Z");
                return r;
            },
            i -> {
                Reading r = new Reading();
                r.amount = new BigDecimal(BigInteger.valueOf(i + 1L), 3);
                r.at = Instant.ofEpochSecond(1_700_000_000L + i, i * 1_001L);
                r.ref = new UUID(i, i * 31L);
                r.label = "row " + i;
                r.count = (long) i;
                return r;
            });

    private static Reading edge(int seq, String origin) {
        Reading reading = EDGES.get(seq % EDGES.size()).apply(seq);
        reading.seq = seq;
        reading.origin = origin;
        return reading;
    }

    private static final String COLUMNS = "ROW(r.at, r.moment, r.local, r.day, r.amount, r.price, r.big, r.ref, r.kind,"
            + " r.pg_kind, r.payload, r.label, r.letter, r.small, r.count, r.ratio, r.weight, r.flag, r.photo,"
            + " r.version)::text";

    @Test
    void everyValueIsStoredAsOneInsertStoresIt() {
        for (int seq = 0; seq < INSERTED; seq++) {
            db.insert(edge(seq, "insert"));
        }
        List<Reading> input = new ArrayList<>();
        for (int seq = 0; seq < COPY_ROWS; seq++) {
            input.add(edge(seq, "copy"));
        }

        List<Reading> stored = db.insertAll(input);

        assertThat(stored).hasSize(COPY_ROWS);
        assertThat(stored.get(COPY_ROWS - 1).id).isNotNull();
        assertThat(stored.get(0).createdAt).isNotNull();
        // Each stored row of the COPY is compared, as PostgreSQL prints it, with the insert of the same values: the
        // first rows each with its own, the others with the first insert of their edge (the last edge varies by row).
        String same = "CASE WHEN c.seq < " + INSERTED + " THEN c.seq ELSE c.seq % " + EDGES.size() + " END";
        List<String> differences = db.sql("SELECT c.seq || ': ' || " + COLUMNS.replace("r.", "c.") + " || ' <> '"
                        + " || " + COLUMNS.replace("r.", "i.") + " FROM binary_reading AS c JOIN binary_reading AS i"
                        + " ON i.origin = 'insert' AND i.seq = " + same + " WHERE c.origin = 'copy' AND (c.seq < "
                        + INSERTED + " OR c.seq % " + EDGES.size() + " <> " + (EDGES.size() - 1) + ")"
                        + " AND (" + COLUMNS.replace("r.", "c.") + " IS DISTINCT FROM " + COLUMNS.replace("r.", "i.")
                        + " OR c.created_at IS NULL) ORDER BY c.seq LIMIT 5")
                .list(String.class);
        assertThat(differences).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM binary_reading AS c JOIN binary_reading AS i ON i.origin = 'insert'"
                                + " AND i.seq = " + same + " WHERE c.origin = 'copy' AND (c.seq < " + INSERTED
                                + " OR c.seq % "
                                + EDGES.size() + " <> " + (EDGES.size() - 1) + ")")
                        .one(Long.class))
                .as("rows compared")
                .isGreaterThan(COPY_ROWS * 5L / 6);
        assertThat(db.sql("SELECT count(*) FROM binary_reading WHERE origin = 'copy'")
                        .one(Long.class))
                .isEqualTo(COPY_ROWS);
        // Values only the binary form stores as a single bind does (the text form of these is refused).
        assertThat(db.sql("SELECT day::text || ' ' || moment::text || ' ' || local::text FROM binary_reading"
                                + " WHERE origin = 'copy' AND seq = 2")
                        .one(String.class))
                .isEqualTo("infinity infinity -infinity");
    }

    @Test
    void aValueTheColumnRefusesFailsTheWholeLoadWithoutItsValue() {
        List<Reading> input = new ArrayList<>();
        for (int seq = 0; seq < COPY_ROWS; seq++) {
            Reading reading = edge(seq, "copy");
            reading.price = seq == COPY_ROWS - 10 ? new BigDecimal("98765432109876.5") : null;
            input.add(reading);
        }

        assertThatThrownBy(() -> db.insertAll(input))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("numeric")
                .hasMessageNotContaining("98765432109876");
        assertThat(db.sql("SELECT count(*) FROM binary_reading").one(Long.class))
                .isZero();
    }

    private static List<Reading> withUnserializablePayload() {
        List<Reading> input = new ArrayList<>();
        for (int seq = 0; seq < COPY_ROWS; seq++) {
            input.add(edge(seq, "copy"));
        }
        // A list that contains itself nests deeper than Jackson writes: the codec refuses the document late in the
        // load.
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        input.get(COPY_ROWS - 5).payload = Map.of("secret-value", cycle);
        return input;
    }

    @Test
    void aDocumentTheCodecRefusesWhileTheRowsStreamCancelsTheLoad() {
        assertThatThrownBy(() -> db.insertAll(withUnserializablePayload()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("Cannot bind " + Reading.class.getName() + ".payload (Map): ")
                .hasMessageNotContaining("secret-value");
        assertThat(db.sql("SELECT count(*) FROM binary_reading").one(Long.class))
                .isZero();
    }

    @Test
    void inTheCallersTransactionARefusedDocumentRollsBackEverythingTheTransactionWrote() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    db.insert(edge(0, "before"));
                    db.insertAll(withUnserializablePayload());
                }))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageNotContaining("secret-value");
        assertThat(db.sql("SELECT count(*) FROM binary_reading").one(Long.class))
                .isZero();
    }

    @Test
    void aJavaTypeNarrowerThanItsColumnWidensAndOneWiderStaysInTheTextFormat() {
        List<Mismatch> input = new ArrayList<>();
        for (int i = 0; i < COPY_ROWS; i++) {
            Mismatch row = new Mismatch();
            row.widened = Integer.MIN_VALUE + i;
            row.narrowed = i;
            row.note = i % 2 == 0 ? null : "n" + i;
            input.add(row);
        }

        List<Mismatch> stored = db.insertAll(input);

        assertThat(stored.get(COPY_ROWS - 1).id).isNotNull();
        assertThat(db.sql("SELECT sum(widened)::text || ' ' || sum(narrowed) || ' ' || count(note)"
                                + " FROM binary_mismatch")
                        .one(String.class))
                .isEqualTo((long) Integer.MIN_VALUE * COPY_ROWS + (long) COPY_ROWS * (COPY_ROWS - 1) / 2 + " "
                        + (long) COPY_ROWS * (COPY_ROWS - 1) / 2 + " " + COPY_ROWS / 2);
    }
}
