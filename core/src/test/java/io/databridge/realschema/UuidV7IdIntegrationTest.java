package io.databridge.realschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.internal.model.JavaIds;
import io.databridge.mapping.EntityMappingException;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: {@code @GeneratedValue(strategy = UUID_V7)} generates time-ordered ids in Java on every insert path. */
@io.databridge.testdb.PostgresTest
class UuidV7IdIntegrationTest {

    @Table(name = "v7_event")
    public record Event(
            @Id @GeneratedValue(strategy = GeneratedValue.Strategy.UUID_V7)
            UUID id,

            String name) {}

    @Table(name = "v7_note")
    public static class Note {
        @Id
        @GeneratedValue(strategy = GeneratedValue.Strategy.UUID_V7)
        public UUID id;

        public String text;

        public Note() {}

        Note(String text) {
            this.text = text;
        }
    }

    @Table(name = "v7_wrong")
    public record Wrong(
            @Id @GeneratedValue(strategy = GeneratedValue.Strategy.UUID_V7)
            Long id) {}

    private final DataBridge db;

    UuidV7IdIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeEach
    void createTables() {
        db.sql("DROP TABLE IF EXISTS v7_event, v7_note").update();
        // No column default: every id must come from Java.
        db.sql("CREATE TABLE v7_event (id uuid PRIMARY KEY, name text)").update();
        db.sql("CREATE TABLE v7_note (id uuid PRIMARY KEY, text text)").update();
    }

    @Test
    void idsAreVersion7WithTheVariantAndIncreaseInJvmOrder() {
        UUID previous = JavaIds.uuidV7();
        for (int i = 0; i < 10_000; i++) {
            UUID next = JavaIds.uuidV7();
            assertThat(next.version()).isEqualTo(7);
            assertThat(next.variant()).isEqualTo(2);
            assertThat(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()))
                    .isPositive();
            previous = next;
        }
        long millis = previous.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
    }

    @Test
    void insertOfARecordAndOfAClassAssignsTheId() {
        Event event = db.insert(new Event(null, "a"));
        Note note = new Note("n");
        Note stored = db.insert(note);

        assertThat(event.id().version()).isEqualTo(7);
        assertThat(stored.id.version()).isEqualTo(7);
        assertThat(db.sql("SELECT name FROM v7_event WHERE id = '" + event.id() + "'")
                        .list(String.class))
                .containsExactly("a");
        UUID assigned = UUID.randomUUID();
        assertThat(db.insert(new Event(assigned, "kept")).id()).isEqualTo(assigned);
    }

    @Test
    void saveInsertsWithAJavaIdThenUpdates() {
        Note note = db.save(new Note("first"));
        UUID id = note.id;
        note.text = "second";
        db.save(note);

        assertThat(id.version()).isEqualTo(7);
        assertThat(db.sql("SELECT text FROM v7_note").list(String.class)).containsExactly("second");
    }

    @Test
    void insertAllAssignsOrderedIdsThroughUnnestAndCopy() {
        List<Event> few = db.insertAll(List.of(new Event(null, "x"), new Event(null, "y")));
        assertThat(few).extracting(Event::name).containsExactly("x", "y");
        assertThat(Long.compareUnsigned(
                        few.get(0).id().getMostSignificantBits(),
                        few.get(1).id().getMostSignificantBits()))
                .isNegative();

        List<Note> many = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            many.add(new Note("n" + i));
        }
        db.insertAll(many);
        assertThat(many).allMatch(n -> n.id != null && n.id.version() == 7);
        assertThat(db.sql(
                                "SELECT count(*) FROM v7_note AS a JOIN v7_note AS b ON b.text = 'n' || (substr(a.text, 2)::int"
                                        + " + 1) WHERE a.id < b.id")
                        .list(Long.class))
                .containsExactly(11_999L);
    }

    @Test
    void uuidV7OnANonUuidIdIsAMappingError() {
        assertThatThrownBy(() -> db.insert(new Wrong(null)))
                .isInstanceOf(EntityMappingException.class)
                .hasMessageContaining(
                        "@GeneratedValue(strategy = UUID_V7) needs a UUID id but the type is" + " java.lang.Long");
    }
}
