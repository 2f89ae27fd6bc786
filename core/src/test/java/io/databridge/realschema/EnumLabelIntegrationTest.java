package io.databridge.realschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.types.EnumLabel;
import io.databridge.types.EnumLabels;
import io.databridge.types.EnumType;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: enum labels that are not Java identifiers, declared per constant, on every path. */
@io.databridge.testdb.PostgresTest
class EnumLabelIntegrationTest {

    /** A PostgreSQL enum whose labels are not identifiers. */
    public enum Rating {
        G,
        PG,
        @EnumLabel("PG-13")
        PG_13,
        R,
        @EnumLabel("NC-17")
        NC_17
    }

    /** Stored by label in a text column. */
    public enum Progress {
        @EnumLabel("to do")
        TODO,
        @EnumLabel("in progress")
        IN_PROGRESS,
        @EnumLabel("it's done")
        DONE
    }

    @Table(name = "label_film")
    public static class Film {
        @Id
        @GeneratedValue
        public Long id;

        public String title;

        @Enumerated(value = EnumType.POSTGRES, typeName = "label_rating")
        public Rating rating;

        public Progress progress;

        public List<Progress> history;

        public Film() {}

        Film(String title, Rating rating, Progress progress, List<Progress> history) {
            this.title = title;
            this.rating = rating;
            this.progress = progress;
            this.history = history;
        }
    }

    private final DataBridge db;

    EnumLabelIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeEach
    void createTables() {
        db.sql("DROP TABLE IF EXISTS label_film").update();
        db.sql("DROP TYPE IF EXISTS label_rating").update();
        db.schema().create(Film.class);
    }

    @Test
    void createTypeDeclaresTheLabels() {
        assertThat(db.sql("SELECT unnest(enum_range(NULL::label_rating))::text").list(String.class))
                .containsExactly("G", "PG", "PG-13", "R", "NC-17");
        assertThat(db.schema().createStatements(Film.class).get(0))
                .contains("AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17')");
    }

    @Test
    void singleValuesWriteAndReadTheLabel() {
        Film stored = db.insert(new Film("Heat", Rating.NC_17, Progress.DONE, List.of(Progress.IN_PROGRESS)));

        assertThat(db.sql("SELECT rating::text || '/' || progress || '/' || history[1] FROM label_film")
                        .list(String.class))
                .containsExactly("NC-17/it's done/in progress");
        Film read = db.from(Film.class)
                .where(EnumLabelIntegrationTest_Film_.id.eq(stored.id))
                .one();
        assertThat(read.rating).isEqualTo(Rating.NC_17);
        assertThat(read.progress).isEqualTo(Progress.DONE);
        assertThat(read.history).containsExactly(Progress.IN_PROGRESS);
        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.rating.eq(Rating.NC_17))
                        .count())
                .isEqualTo(1);
        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.progress.eq(Progress.DONE))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void collectionsAndArraysBindTheLabels() {
        db.insert(new Film("A", Rating.PG_13, Progress.TODO, List.of(Progress.TODO, Progress.DONE)));
        db.insert(new Film("B", Rating.G, Progress.IN_PROGRESS, List.of()));

        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.rating.in(Rating.PG_13, Rating.NC_17))
                        .select(EnumLabelIntegrationTest_Film_.title)
                        .list())
                .containsExactly("A");
        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.progress.notIn(Progress.TODO))
                        .select(EnumLabelIntegrationTest_Film_.title)
                        .list())
                .containsExactly("B");
        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.history.arrayContains(List.of(Progress.DONE)))
                        .select(EnumLabelIntegrationTest_Film_.title)
                        .list())
                .containsExactly("A");
        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.history.hasElement(Progress.TODO))
                        .select(EnumLabelIntegrationTest_Film_.rating)
                        .list())
                .containsExactly(Rating.PG_13);
    }

    @Test
    void bulkInsertsCarryTheLabels() {
        db.insertAll(films(10)); // one unnest statement
        db.insertAll(films(12_000)); // COPY

        assertThat(db.sql("SELECT count(*) FROM label_film WHERE rating = 'PG-13' AND progress IN"
                                + " ('to do', 'in progress', 'it''s done') AND history[1] = progress")
                        .list(Long.class))
                .containsExactly(2402L);
        assertThat(db.from(Film.class)
                        .where(EnumLabelIntegrationTest_Film_.rating.eq(Rating.PG_13))
                        .count())
                .isEqualTo(2402);
    }

    private static List<Film> films(int count) {
        List<Film> films = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Rating rating = Rating.values()[i % 5];
            films.add(new Film("f" + i, rating, Progress.values()[i % 3], List.of(Progress.values()[i % 3])));
        }
        return films;
    }

    @Test
    void diffAddsTheLabelsATypeLacks() {
        db.sql("DROP TABLE label_film").update();
        db.sql("DROP TYPE label_rating").update();
        db.sql("CREATE TYPE label_rating AS ENUM ('G', 'PG', 'R')").update();
        db.sql("CREATE TABLE label_film (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, title text,"
                        + " rating label_rating, progress text, history text[])")
                .update();

        assertThat(db.schema().diff(Film.class))
                .containsExactly(
                        "ALTER TYPE \"label_rating\" ADD VALUE IF NOT EXISTS 'PG-13'",
                        "ALTER TYPE \"label_rating\" ADD VALUE IF NOT EXISTS 'NC-17'");
    }

    /** Two constants with one label. */
    public enum Clash {
        @EnumLabel("x")
        A,
        @EnumLabel("x")
        B
    }

    /** A label PostgreSQL cannot store. */
    public enum Slash {
        @EnumLabel("a\\b")
        A
    }

    @Test
    void invalidLabelsAreRejectedWithTheConstantNamed() {
        assertThatThrownBy(() -> EnumLabels.labels(Clash.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Enum " + Clash.class.getName() + ": constants A and B have the same label 'x'; give each"
                        + " its own @EnumLabel");
        assertThatThrownBy(() -> EnumLabels.label(Slash.A))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@EnumLabel of " + Slash.class.getName() + ".A contains a backslash or NUL character;"
                        + " use 1 to 63 bytes without backslash or NUL");
    }
}
