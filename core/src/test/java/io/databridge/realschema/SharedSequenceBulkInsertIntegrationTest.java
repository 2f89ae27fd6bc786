package io.databridge.realschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, bug 1: {@code insertAll} into tables whose ids come from {@code DEFAULT nextval('seq')} with a sequence that
 * is not {@code OWNED BY} the column ({@code pg_get_serial_sequence} returns {@code NULL} for those), and from a
 * default that is no sequence at all.
 */
@io.databridge.testdb.PostgresTest
class SharedSequenceBulkInsertIntegrationTest {

    /** A table whose id default draws from a free-standing sequence. */
    @Table(name = "shared_seq_item")
    public static class Item {
        @Id
        @GeneratedValue
        public Integer id;

        public String v;

        public Item() {}

        Item(String v) {
            this.v = v;
        }
    }

    /** A table whose id default is an expression over a sequence in another schema. */
    @Table(name = "shared_seq_other")
    public static class Other {
        @Id
        @GeneratedValue
        public Long id;

        public String v;

        public Other() {}

        Other(String v) {
            this.v = v;
        }
    }

    /** Keeps the schema of one run apart from another run's on the same database. */
    private static final String SUFFIX =
            Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));

    private final DataBridge db;

    SharedSequenceBulkInsertIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeEach
    void createTables() {
        db.sql("DROP TABLE IF EXISTS shared_seq_item, shared_seq_other").update();
        db.sql("DROP SCHEMA IF EXISTS \"Ids Schema " + SUFFIX + "\" CASCADE").update();
        db.sql("DROP SEQUENCE IF EXISTS shared_seq").update();
        db.sql("CREATE SEQUENCE shared_seq START 500").update();
        db.sql("CREATE TABLE shared_seq_item(id int PRIMARY KEY DEFAULT nextval('shared_seq'), v text)")
                .update();
        db.sql("CREATE SCHEMA \"Ids Schema " + SUFFIX + "\"").update();
        db.sql("CREATE SEQUENCE \"Ids Schema " + SUFFIX + "\".\"Odd Seq\" START 7")
                .update();
        db.sql("CREATE TABLE shared_seq_other(id bigint PRIMARY KEY" + " DEFAULT nextval('\"Ids Schema " + SUFFIX
                        + "\".\"Odd Seq\"'::regclass), v text)")
                .update();
    }

    @org.junit.jupiter.api.AfterEach
    void dropOtherSchema() {
        db.sql("DROP TABLE IF EXISTS shared_seq_other").update();
        db.sql("DROP SCHEMA IF EXISTS \"Ids Schema " + SUFFIX + "\" CASCADE").update();
    }

    @Test
    void insertAllOfOneRowDrawsFromTheSequenceTheDefaultNames() {
        List<Item> stored = db.insertAll(List.of(new Item("a")));

        assertThat(stored).extracting(item -> item.id).containsExactly(500);
        assertThat(db.sql("SELECT v FROM shared_seq_item WHERE id = 500").list(String.class))
                .containsExactly("a");
    }

    @Test
    void insertAllOfManyRowsKeepsTheInputOrder() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(new Item("v" + i));
        }
        List<Item> stored = db.insertAll(items);

        assertThat(stored).extracting(item -> item.id).first().isEqualTo(500);
        for (Item item : stored) {
            assertThat(item.v).isEqualTo("v" + (item.id - 500));
        }
        assertThat(db.sql("SELECT count(*) FROM shared_seq_item").list(Long.class))
                .containsExactly(50L);
    }

    @Test
    void insertAllThroughCopyDrawsFromTheSequence() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            items.add(new Item("v" + i));
        }
        List<Item> stored = db.insertAll(items);

        assertThat(stored).hasSize(12_000);
        assertThat(stored.get(0).id).isEqualTo(500);
        assertThat(stored.get(11_999).id).isEqualTo(12_499);
        assertThat(db.sql("SELECT count(DISTINCT id) FROM shared_seq_item WHERE v = 'v' || (id - 500)")
                        .list(Long.class))
                .containsExactly(12_000L);
    }

    @Test
    void insertAllFindsAQuotedSequenceInAnotherSchema() {
        List<Other> stored = db.insertAll(List.of(new Other("x"), new Other("y")));

        assertThat(stored).extracting(other -> other.id).containsExactly(7L, 8L);
    }

    @Test
    void insertAllWithoutAnySequenceLetsTheColumnDrawItsIds() {
        db.sql("ALTER TABLE shared_seq_item ALTER COLUMN id SET DEFAULT (extract(epoch FROM now())::int % 1000)"
                        + " + 2000")
                .update();
        db.sql("CREATE SEQUENCE IF NOT EXISTS shared_seq_unrelated").update();

        List<Item> stored = db.insertAll(List.of(new Item("only")));

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).id).isBetween(2000, 2999);
        assertThat(db.sql("SELECT v FROM shared_seq_item").list(String.class)).containsExactly("only");
    }
}
