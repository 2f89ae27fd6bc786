package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.mapping.FetchStrategy;
import io.databridge.query.SelectQuery;
import io.databridge.relation.strategy.Animal;
import io.databridge.relation.strategy.Animal_;
import io.databridge.relation.strategy.Mood;
import io.databridge.relation.strategy.Shelter;
import io.databridge.relation.strategy.Shelter_;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fetch strategy loads the same rows in the same order, in the statements it documents. */
@PostgresTest
class FetchStrategyIntegrationTest {

    static final String SCHEMA = """
            DROP TABLE IF EXISTS st_checkups, st_animals, st_shelters, st_chores, st_keepers, st_cities CASCADE;
            DROP TYPE IF EXISTS st_mood;
            CREATE TYPE st_mood AS ENUM ('very happy', 'so-so');
            CREATE TABLE st_cities (id integer PRIMARY KEY, name text);
            CREATE TABLE st_shelters (id bigserial PRIMARY KEY, name text, city_id integer REFERENCES st_cities (id));
            CREATE TABLE st_animals (id bigserial PRIMARY KEY, name text, seen_at timestamptz, born_at timestamptz,
                checked_at timestamp, day date, amount numeric, token uuid, mood st_mood, data jsonb, tags text[],
                photo bytea, vaccinated boolean, weight double precision NOT NULL DEFAULT 0, stay interval,
                shelter_id bigint REFERENCES st_shelters (id), city_id integer REFERENCES st_cities (id));
            CREATE TABLE st_checkups (id bigserial PRIMARY KEY, note text, animal_id bigint REFERENCES st_animals (id));
            CREATE TABLE st_keepers (id bigserial PRIMARY KEY, name text, city_id integer REFERENCES st_cities (id));
            CREATE TABLE st_chores (id bigserial PRIMARY KEY, title text, keeper_id bigint REFERENCES st_keepers (id));
            """;

    static final String ROWS = """
            TRUNCATE st_checkups, st_animals, st_shelters, st_chores, st_keepers, st_cities RESTART IDENTITY;
            INSERT INTO st_cities VALUES (1, 'Oslo'), (2, 'Bergen');
            INSERT INTO st_shelters (name, city_id) VALUES ('North', 1), ('South', NULL), ('East', 2), ('Empty', 1);
            INSERT INTO st_animals (name, seen_at, born_at, checked_at, day, amount, token, mood, data, tags, photo,
                vaccinated, weight, stay, shelter_id, city_id) VALUES
              ('Rex "the" \\ dog', '2024-02-29 23:59:59.123456+00', '1999-12-31 22:00:00.5-03',
               '2024-01-01 00:00:00.000001', '0044-03-15', 1.500, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
               'very happy', '{"n": 1.50, "s": "\\u00e9\\n\\"", "a": [1, null, {"x": true}], "big": 12345678901234567890}',
               ARRAY['a,b', 'c"d', NULL, ''], '\\x00ff10', true, 12.25, '1 day 02:03:04.5', 1, 2),
              ('Ünï 🐱 cat
            two lines', '1970-01-01 00:00:00+00', NULL, NULL, '2024-12-31', -0.000001,
               '00000000-0000-0000-0000-000000000000', 'so-so', '{}', '{}', '\\x', false, -1e-300, '-3 days 00:00:01.25', 1, NULL),
              ('Nobody', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 1, NULL),
              ('Max', NULL, NULL, NULL, NULL, 1.500, NULL, NULL, 'null', NULL, NULL, NULL, 3, NULL, 3, 1),
              ('Bo', NULL, NULL, NULL, NULL, 99, NULL, NULL, '{"deep": {"list": [1.0, 2, "x"]}}', NULL, NULL, NULL, 4, NULL, 3, 1);
            INSERT INTO st_checkups (note, animal_id) VALUES ('teeth', 1), ('ears', 1), ('paws', 2), ('eyes', 4);
            INSERT INTO st_keepers (name, city_id) VALUES ('Ann', 1), ('Bob', NULL), ('Cy', 2);
            INSERT INTO st_chores (title, keeper_id) VALUES ('feed', 1), ('clean', 1), ('walk', 3);
            """;

    private final StatementRecorder recorded;
    private final DataBridge db;

    FetchStrategyIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(SCHEMA).update();
        DataBridge.create(dataSource).sql(RelationFetchIntegrationTest.SCHEMA).update();
    }

    @BeforeEach
    void rows() {
        db.sql(ROWS).update();
        db.sql("""
                TRUNCATE visits, pets, pet_types, owners, vet_specialties, vets, specialties RESTART IDENTITY CASCADE;
                INSERT INTO owners (last_name) VALUES ('Franklin'), ('Davis'), ('Black');
                INSERT INTO pet_types VALUES (1, 'cat'), (2, 'dog');
                INSERT INTO pets (name, owner_id, type_id) VALUES
                    ('Leo', 1, 1), ('Basil', 2, 2), ('Rosy', 2, 2), ('Jewel', 2, 1), ('Stray', NULL, NULL);
                INSERT INTO visits (description, pet_id) VALUES ('rabies shot', 2), ('neutered', 2), ('spayed', 3);
                INSERT INTO vets (name) VALUES ('Carter'), ('Leary');
                INSERT INTO specialties VALUES (1, 'surgery'), (2, 'dentistry'), (3, 'radiology');
                INSERT INTO vet_specialties VALUES (2, 3), (2, 1), (1, 2);
                """).update();
        recorded.take();
    }

    private SelectQuery<Shelter> shelters() {
        return db.from(Shelter.class).orderBy(Shelter_.id.asc());
    }

    /** Every value of the graph, so two loads compare equal only when they read the same thing. */
    static String describe(List<Shelter> shelters) {
        return shelters.stream()
                .map(s -> s.id + " " + s.name + " city=" + (s.city == null ? null : s.city.id() + "/" + s.city.name())
                        + " animals="
                        + s.animals.stream().map(a -> describe(a, s)).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    static String describe(Animal a, Shelter parent) {
        return a.id + "|" + a.name + "|" + a.seenAt + "|" + a.bornAt + "|" + a.checkedAt + "|" + a.day + "|"
                + a.amount + "|" + a.token + "|" + a.mood + "|" + a.data + "|"
                + (a.data == null
                        ? ""
                        : a.data.values().stream()
                                .map(v -> v == null ? "null" : v.getClass().getSimpleName())
                                .toList())
                + "|" + a.tags + "|" + Arrays.toString(a.photo) + "|" + a.vaccinated + "|" + a.weight + "|" + a.stay
                + "|city=" + (a.city == null ? null : a.city.id() + "/" + a.city.name())
                + "|back=" + (a.shelter == parent)
                + "|checkups="
                + (a.checkups.stream()
                        .map(c -> c.id + ":" + c.note + ":" + (c.animal == a))
                        .toList());
    }

    @Test
    void everyStrategyLoadsTheSameGraphInTheSameOrder() {
        String selectIn = describe(shelters()
                .fetch(Shelter_.city)
                .fetch(Shelter_.animals, Animal_.checkups)
                .fetch(Shelter_.animals, Animal_.city)
                .list());
        assertThat(recorded.take()).hasSize(5);
        assertThat(selectIn)
                .contains("1 North city=1/Oslo animals=3|Nobody|") // amount DESC: NULL first
                .contains("; 1|Rex \"the\" \\ dog|2024-02-29T23:59:59.123456Z")
                .contains("|1.500|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|VERY_HAPPY|")
                .contains("2 South city=null animals=\n")
                .contains("checkups=[2:ears:true, 1:teeth:true]");

        String joined = describe(shelters()
                .fetch(FetchStrategy.JOIN, Shelter_.city)
                .fetch(Shelter_.animals, Animal_.checkups)
                .fetch(FetchStrategy.JOIN, Shelter_.animals, Animal_.city)
                .list());
        assertThat(recorded.take()).hasSize(3);
        assertThat(joined).isEqualTo(selectIn);

        String json = describe(shelters()
                .fetch(FetchStrategy.JSON, Shelter_.city)
                .fetch(FetchStrategy.JSON, Shelter_.animals, Animal_.checkups)
                .fetch(FetchStrategy.JSON, Shelter_.animals, Animal_.city)
                .list());
        assertThat(recorded.take()).hasSize(1);
        assertThat(json).isEqualTo(selectIn);

        String mixed = describe(shelters()
                .fetch(FetchStrategy.JOIN, Shelter_.city)
                .fetch(FetchStrategy.JSON, Shelter_.animals, Animal_.city)
                .fetch(FetchStrategy.SELECT_IN, Shelter_.animals, Animal_.checkups)
                .list());
        // the last strategy named for animals wins: select-in, with its city joined into that statement
        assertThat(recorded.take()).hasSize(3);
        assertThat(mixed).isEqualTo(selectIn);
    }

    @Test
    void jsonDecodesEveryTypeThroughTheColumnsCodecs() {
        List<Shelter> json = shelters()
                .fetch(FetchStrategy.JSON, Shelter_.animals, Animal_.checkups)
                .list();
        Animal rex = json.get(0).animals.get(1);
        assertThat(rex.name).isEqualTo("Rex \"the\" \\ dog");
        assertThat(rex.amount).hasToString("1.500");
        assertThat(rex.data).containsEntry("s", "é\n\"");
        assertThat(rex.tags).containsExactly("a,b", "c\"d", null, "");
        assertThat(rex.photo).containsExactly(0, -1, 16);
        assertThat(rex.mood).isEqualTo(Mood.VERY_HAPPY);
        assertThat(rex.stay).isEqualTo(db.findById(Animal.class, rex.id).orElseThrow().stay);
        Animal cat = json.get(0).animals.get(2);
        assertThat(cat.name).isEqualTo("Ünï 🐱 cat\ntwo lines");
        assertThat(cat.weight).isEqualTo(-1e-300);
        assertThat(cat.photo).isEmpty();
        assertThat(cat.mood).isEqualTo(Mood.SO_SO);
        String selectIn =
                describe(shelters().fetch(Shelter_.animals, Animal_.checkups).list());
        assertThat(describe(json)).isEqualTo(selectIn);
    }

    @Test
    void joinReadsAToOneInTheRootStatementWithALeftJoin() {
        List<Shelter> shelters =
                shelters().fetch(FetchStrategy.JOIN, Shelter_.city).list();
        assertThat(recorded.take())
                .containsExactly("SELECT q.*, f1.\"id\", f1.\"name\" FROM (SELECT q0.*, row_number() OVER () AS"
                        + " \"__row\" FROM (SELECT \"id\", \"name\", \"city_id\" FROM \"st_shelters\" ORDER BY \"id\""
                        + " ASC) q0) q LEFT JOIN \"st_cities\" f1 ON f1.\"id\" = q.\"city_id\" ORDER BY q.\"__row\"");
        assertThat(shelters)
                .extracting(s -> s.city == null ? null : s.city.name())
                .containsExactly("Oslo", null, "Bergen", "Oslo");
        assertThat(shelters.get(0).city).isSameAs(shelters.get(3).city);
    }

    @Test
    void jsonReadsAWholeGraphInOneStatement() {
        shelters().fetch(FetchStrategy.JSON, Shelter_.animals, Animal_.checkups).list();
        assertThat(recorded.take())
                .containsExactly("SELECT q.*, (SELECT coalesce(jsonb_agg(jsonb_build_array(s1.\"id\"::text,"
                        + " s1.\"name\"::text, s1.\"seen_at\"::text, s1.\"born_at\"::text, s1.\"checked_at\"::text,"
                        + " s1.\"day\"::text, s1.\"amount\"::text, s1.\"token\"::text, s1.\"mood\"::text,"
                        + " s1.\"data\"::text, s1.\"tags\"::text, s1.\"photo\"::text, s1.\"vaccinated\"::text,"
                        + " s1.\"weight\"::text, s1.\"stay\"::text, s1.\"shelter_id\"::text, s1.\"city_id\"::text,"
                        + " (SELECT coalesce(jsonb_agg(jsonb_build_array(s2.\"id\"::text, s2.\"note\"::text,"
                        + " s2.\"animal_id\"::text) ORDER BY s2.\"note\"), '[]'::jsonb) FROM \"st_checkups\" s2 WHERE"
                        + " s2.\"animal_id\" = s1.\"id\")) ORDER BY s1.\"amount\" DESC, s1.\"id\"), '[]'::jsonb) FROM"
                        + " \"st_animals\" s1 WHERE s1.\"shelter_id\" = q.\"id\") FROM (SELECT \"id\", \"name\","
                        + " \"city_id\" FROM \"st_shelters\" ORDER BY \"id\" ASC) q");
    }

    @Test
    void aPageOfRootsStaysAPageWithChildrenOfThatPageOnlyUnderEveryStrategy() {
        List<UnaryOperator<SelectQuery<Shelter>>> strategies = List.of(
                q -> q.fetch(Shelter_.city).fetch(Shelter_.animals),
                q -> q.fetch(FetchStrategy.JOIN, Shelter_.city).fetch(Shelter_.animals),
                q -> q.fetch(FetchStrategy.JSON, Shelter_.city).fetch(FetchStrategy.JSON, Shelter_.animals));
        for (UnaryOperator<SelectQuery<Shelter>> strategy : strategies) {
            SelectQuery<Shelter> query = strategy.apply(shelters());
            List<Shelter> page = query.limit(2).offset(1).list();
            assertThat(page).extracting(s -> s.name).containsExactly("South", "East");
            assertThat(page.get(1).animals).extracting(a -> a.name).containsExactly("Bo", "Max");
            assertThat(page.get(0).animals).isEmpty();
            assertThat(query.count()).isEqualTo(4);
            List<String> statements = recorded.take();
            assertThat(statements.get(0)).contains("LIMIT").contains("OFFSET");
            assertThat(statements.get(statements.size() - 1)).isEqualTo("SELECT count(*) FROM \"st_shelters\"");
        }
    }

    @Test
    void strategiesNestUnderSelectInAndApplyToRowsAlreadyRead() {
        shelters()
                .fetch(Shelter_.animals)
                .fetch(FetchStrategy.JOIN, Shelter_.animals, Animal_.city)
                .list();
        List<String> statements = recorded.take();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1))
                .isEqualTo("SELECT t.\"id\", t.\"name\", t.\"seen_at\", t.\"born_at\", t.\"checked_at\", t.\"day\","
                        + " t.\"amount\", t.\"token\", t.\"mood\", t.\"data\", t.\"tags\", t.\"photo\","
                        + " t.\"vaccinated\", t.\"weight\", t.\"stay\", t.\"shelter_id\", t.\"city_id\", f1.\"id\","
                        + " f1.\"name\" FROM \"st_animals\" t LEFT JOIN \"st_cities\" f1 ON f1.\"id\" = t.\"city_id\""
                        + " WHERE t.\"shelter_id\" = ANY(?) ORDER BY t.\"amount\" DESC, t.\"id\"");

        List<Shelter> read = shelters().list();
        recorded.take();
        List<Shelter> loaded = db.fetch(Shelter.class, read, "json:animals.checkups", "join:city");
        // JSON over rows already read: one statement for the whole subtree; JOIN becomes select-in there
        assertThat(recorded.take()).hasSize(2);
        assertThat(describe(loaded))
                .isEqualTo(describe(shelters()
                        .fetch(Shelter_.animals, Animal_.checkups)
                        .fetch(Shelter_.city)
                        .list()));
        recorded.take();

        Shelter one =
                db.findById(Shelter.class, 3L, "json:animals", "join:city").orElseThrow();
        assertThat(recorded.take()).hasSize(1);
        assertThat(one.city.name()).isEqualTo("Bergen");
        assertThat(one.animals).extracting(a -> a.name).containsExactly("Bo", "Max");
    }

    @Test
    void jsonLoadsNestedPathsRecordsManyToManyAndNullForeignKeysLikeSelectIn() {
        String selectIn = owners(db.from(Owner.class)
                .orderBy(Owner_.id.asc())
                .fetch(Owner_.pets, Pet_.visits)
                .fetch(Owner_.pets, Pet_.type)
                .list());
        String json = owners(db.from(Owner.class)
                .orderBy(Owner_.id.asc())
                .fetch(FetchStrategy.JSON, Owner_.pets, Pet_.visits)
                .fetch(FetchStrategy.JSON, Owner_.pets, Pet_.type)
                .list());
        assertThat(json).isEqualTo(selectIn).contains("Basil:dog:[rabies shot, neutered]");

        List<Pet> pets = db.from(Pet.class)
                .orderBy(Pet_.id.asc())
                .fetch(FetchStrategy.JOIN, Pet_.owner)
                .fetch(FetchStrategy.JSON, Pet_.type)
                .list();
        assertThat(pets)
                .extracting(p -> p.owner == null ? null : p.owner.lastName)
                .containsExactly("Franklin", "Davis", "Davis", "Davis", null);
        assertThat(pets)
                .extracting(p -> p.type == null ? null : p.type.name())
                .containsExactly("cat", "dog", "dog", "cat", null);
        assertThat(pets.get(1).owner).isSameAs(pets.get(2).owner);

        List<Vet> vets = db.from(Vet.class)
                .orderBy(Vet_.id.asc())
                .fetch(FetchStrategy.JSON, Vet_.specialties)
                .list();
        assertThat(recorded.take()).hasSizeGreaterThan(0);
        assertThat(vets.get(0).specialties).extracting(s -> s.name()).containsExactly("dentistry");
        assertThat(vets.get(1).specialties).extracting(s -> s.name()).containsExactly("radiology", "surgery");
    }

    private static String owners(List<Owner> owners) {
        return owners.stream()
                .map(o -> o.lastName + "="
                        + o.pets.stream()
                                .map(p -> p.name + ":" + (p.type == null ? null : p.type.name()) + ":"
                                        + p.visits.stream()
                                                .map(v -> v.description)
                                                .toList() + ":" + (p.owner == o))
                                .toList())
                .collect(Collectors.joining(", "));
    }

    @Test
    void aStrategyNameThatIsNoneFailsWithTheChoices() {
        assertThatThrownBy(() -> db.fetch(Shelter.class, List.of(), "fast:animals"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot fetch \"fast:animals\": 'fast' is not a fetch strategy; use one of select_in,"
                        + " join, json, e.g. \"json:pets\"");
    }
}
