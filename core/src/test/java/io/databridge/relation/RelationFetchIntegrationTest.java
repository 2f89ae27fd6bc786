package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

@PostgresTest
class RelationFetchIntegrationTest {

    static final String SCHEMA = """
            DROP TABLE IF EXISTS visits, pets, pet_types, owners, vet_specialties, vets, specialties,
                order_lines, purchase_orders CASCADE;
            CREATE TABLE owners (id bigserial PRIMARY KEY, last_name text);
            CREATE TABLE pet_types (id integer PRIMARY KEY, name text);
            CREATE TABLE pets (id bigserial PRIMARY KEY, name text,
                owner_id bigint REFERENCES owners (id), type_id integer REFERENCES pet_types (id));
            CREATE TABLE visits (id bigserial PRIMARY KEY, description text, pet_id bigint REFERENCES pets (id));
            CREATE TABLE vets (id bigserial PRIMARY KEY, name text);
            CREATE TABLE specialties (id integer PRIMARY KEY, name text);
            CREATE TABLE vet_specialties (vet_id bigint REFERENCES vets (id),
                specialty_id integer REFERENCES specialties (id), PRIMARY KEY (vet_id, specialty_id));
            CREATE TABLE purchase_orders (id bigserial PRIMARY KEY, customer text, version integer);
            CREATE TABLE order_lines (id bigserial PRIMARY KEY, product text, quantity integer NOT NULL,
                order_id bigint REFERENCES purchase_orders (id));
            """;

    /** Franklin owns Leo; Davis owns Basil (two visits), Rosy (one) and Jewel; Black owns none. */
    static final String ROWS = """
            TRUNCATE visits, pets, pet_types, owners, vet_specialties, vets, specialties, order_lines,
                purchase_orders RESTART IDENTITY;
            INSERT INTO owners (last_name) VALUES ('Franklin'), ('Davis'), ('Black');
            INSERT INTO pet_types VALUES (1, 'cat'), (2, 'dog');
            INSERT INTO pets (name, owner_id, type_id) VALUES
                ('Leo', 1, 1), ('Basil', 2, 2), ('Rosy', 2, 2), ('Jewel', 2, 1);
            INSERT INTO visits (description, pet_id) VALUES ('rabies shot', 2), ('neutered', 2), ('spayed', 3);
            INSERT INTO vets (name) VALUES ('Carter'), ('Leary');
            INSERT INTO specialties VALUES (1, 'surgery'), (2, 'dentistry'), (3, 'radiology');
            INSERT INTO vet_specialties VALUES (2, 3), (2, 1);
            """;

    private final StatementRecorder recorded;
    private final DataBridge db;

    RelationFetchIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(SCHEMA).update();
    }

    @BeforeEach
    void rows() {
        db.sql(ROWS).update();
        recorded.take();
    }

    @Test
    void writingAnEntityKeepsTheToOneItWasLoadedWith() {
        Pet leo = db.from(Pet.class)
                .where(Pet_.name.eq("Leo"))
                .fetch(Pet_.owner)
                .list()
                .get(0);
        Owner franklin = leo.owner;
        leo.name = "Leo II";
        Pet updated = db.update(leo);
        assertThat(updated.owner).isSameAs(franklin);
        assertThat(updated.owner.lastName).isEqualTo("Franklin");

        Pet max = new Pet("Max");
        max.owner = franklin;
        assertThat(db.insert(max).owner).isSameAs(franklin);

        // A reference to another row is still read back as that row's reference.
        Owner davis = db.findById(Owner.class, 2L).orElseThrow();
        leo.owner = davis;
        assertThat(db.update(leo).owner).isSameAs(davis);
    }

    @Test
    void anUnfetchedCollectionFailsNamingTheFetchToAdd() {
        Owner owner = db.findById(Owner.class, 1L).orElseThrow();
        assertThatThrownBy(() -> owner.pets.size())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Owner.pets was not fetched; add .fetch(Owner_.pets) or @Fetch(\"pets\")");
        assertThatThrownBy(() -> owner.pets.add(new Pet("Max")))
                .hasMessage("Owner.pets was not fetched; add .fetch(Owner_.pets) or @Fetch(\"pets\")");
        assertThat(owner.pets).hasToString("<Owner.pets not fetched>");
    }

    @Test
    void anUnfetchedToOneIsAReferenceThatHoldsOnlyTheForeignKey() {
        Pet pet = db.findById(Pet.class, 2L).orElseThrow();
        assertThat(pet.owner.id).isEqualTo(2L);
        assertThat(pet.owner.lastName).isNull();
        assertThat(pet.type).isEqualTo(new PetType(2, null));
        assertThat(recorded.take()).hasSize(1);
    }

    @Test
    void fetchingAToManyRunsOneSelectInStatementOrderedByOrderBy() {
        List<Owner> owners =
                db.from(Owner.class).orderBy(Owner_.id.asc()).fetch(Owner_.pets).list();
        assertThat(recorded.take())
                .containsExactly(
                        "SELECT \"id\", \"last_name\" FROM \"owners\" ORDER BY \"id\" ASC",
                        "SELECT t.\"id\", t.\"name\", t.\"owner_id\", t.\"type_id\" FROM \"pets\" t WHERE"
                                + " t.\"owner_id\" = ANY(?) ORDER BY t.\"name\"");
        assertThat(owners.get(0).pets).extracting(p -> p.name).containsExactly("Leo");
        assertThat(owners.get(1).pets).extracting(p -> p.name).containsExactly("Basil", "Jewel", "Rosy");
        assertThat(owners.get(2).pets).isEmpty();
        assertThat(owners.get(1).pets.get(0).owner).isSameAs(owners.get(1));
    }

    @Test
    void childrenWhosePathAlsoFetchesTheirParentReferenceLoadItAndEndWithTheParentInstance() {
        List<Owner> owners = db.from(Owner.class)
                .orderBy(Owner_.id.asc())
                .fetch(Owner_.pets, Pet_.owner)
                .list();
        assertThat(recorded.take())
                .hasSize(3)
                .last()
                .isEqualTo("SELECT t.\"id\", t.\"last_name\" FROM \"owners\" t WHERE t.\"id\" = ANY(?)");
        assertThat(owners.get(1).pets).extracting(p -> p.name).containsExactly("Basil", "Jewel", "Rosy");
        assertThat(owners.get(1).pets).allSatisfy(pet -> assertThat(pet.owner).isSameAs(owners.get(1)));
        assertThat(owners.get(0).pets.get(0).owner).isSameAs(owners.get(0));
    }

    @Test
    void aNestedPathLoadsEachLevelWithOneStatement() {
        List<Owner> owners = db.from(Owner.class)
                .orderBy(Owner_.id.asc())
                .fetch(Owner_.pets, Pet_.visits)
                .list();
        List<String> statements = recorded.take();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(2))
                .isEqualTo("SELECT t.\"id\", t.\"description\", t.\"pet_id\" FROM \"visits\" t WHERE t.\"pet_id\" ="
                        + " ANY(?) ORDER BY t.\"id\"");
        Pet basil = owners.get(1).pets.get(0);
        assertThat(basil.visits).extracting(v -> v.description).containsExactly("rabies shot", "neutered");
        assertThat(owners.get(0).pets.get(0).visits).isEmpty();
    }

    @Test
    void fetchingAToOneLoadsEachReferencedRowOnce() {
        List<Pet> pets = db.from(Pet.class)
                .orderBy(Pet_.id.asc())
                .fetch(Pet_.owner)
                .fetch(Pet_.type)
                .list();
        List<String> statements = recorded.take();
        assertThat(statements)
                .containsExactly(
                        "SELECT \"id\", \"name\", \"owner_id\", \"type_id\" FROM \"pets\" ORDER BY \"id\" ASC",
                        "SELECT t.\"id\", t.\"last_name\" FROM \"owners\" t WHERE t.\"id\" = ANY(?)",
                        "SELECT t.\"id\", t.\"name\" FROM \"pet_types\" t WHERE t.\"id\" = ANY(?)");
        assertThat(pets).extracting(p -> p.owner.lastName).containsExactly("Franklin", "Davis", "Davis", "Davis");
        assertThat(pets.get(1).owner).isSameAs(pets.get(2).owner);
        assertThat(pets).extracting(p -> p.type.name()).containsExactly("cat", "dog", "dog", "cat");
    }

    @Test
    void aPageOfRootsLoadsChildrenForThatPageOnlyAndCountsRoots() {
        var query = db.from(Owner.class).orderBy(Owner_.id.asc()).fetch(Owner_.pets);
        List<Owner> page = query.limit(1).offset(1).list();
        assertThat(page).extracting(o -> o.lastName).containsExactly("Davis");
        assertThat(page.get(0).pets).hasSize(3);
        assertThat(query.count()).isEqualTo(3);
    }

    @Test
    void aManyToManyLoadsThroughTheJoinTable() {
        List<Vet> vets = db.from(Vet.class)
                .orderBy(Vet_.id.asc())
                .fetch(Vet_.specialties)
                .list();
        assertThat(recorded.take().get(1))
                .isEqualTo("SELECT t.\"id\", t.\"name\", j.\"vet_id\" FROM \"specialties\" t JOIN \"vet_specialties\""
                        + " j ON j.\"specialty_id\" = t.\"id\" WHERE j.\"vet_id\" = ANY(?) ORDER BY t.\"name\"");
        assertThat(vets.get(0).specialties).isEmpty();
        assertThat(vets.get(1).specialties).containsExactly(new Specialty(3, "radiology"), new Specialty(1, "surgery"));
    }

    @Test
    void findByIdLoadsTheNamedPaths() {
        Owner[] found = new Owner[1];
        List<String> statements = recorded.statementsOf(() -> found[0] =
                db.findById(Owner.class, 2L, "pets.visits", "pets.type").orElseThrow());
        assertThat(statements).hasSize(4);
        assertThat(found[0].pets).extracting(p -> p.type.name()).containsExactly("dog", "cat", "dog");
        assertThat(found[0].pets.get(0).visits).hasSize(2);
    }

    @Test
    void aRecordAggregateIsRebuiltWithItsChildren() {
        db.sql("""
                INSERT INTO purchase_orders (customer, version) VALUES ('ACME', 0);
                INSERT INTO order_lines (product, quantity, order_id) VALUES ('bolt', 10, 1), ('nut', 20, 1);
                """).update();
        PurchaseOrder order =
                db.from(PurchaseOrder.class).fetch(PurchaseOrder_.lines).one();
        assertThat(order.lines()).containsExactly(new OrderLine(1L, "bolt", 10), new OrderLine(2L, "nut", 20));
        assertThat(order.customer()).isEqualTo("ACME");
        PurchaseOrder unfetched = db.findById(PurchaseOrder.class, 1L).orElseThrow();
        assertThatThrownBy(() -> unfetched.lines().isEmpty())
                .hasMessage(
                        "PurchaseOrder.lines was not fetched; add .fetch(PurchaseOrder_.lines) or @Fetch(\"lines\")");
    }

    @Test
    void aToOneComparesByTheReferencedId() {
        Owner davis = db.findById(Owner.class, 2L).orElseThrow();
        assertThat(db.from(Pet.class).where(Pet_.owner.eq(davis)).count()).isEqualTo(3);
    }

    @Test
    void aFetchPathThatNamesNoRelationFailsWithTheRelationsThereAre() {
        assertThatThrownBy(() -> db.findById(Owner.class, 1L, "pets.vists"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot fetch \"pets.vists\": Pet has no relation 'vists'; its relations are [owner, type,"
                        + " visits]");
    }

    @Test
    void joinOverAToOneRendersTheOnClauseFromTheMapping() {
        var query = db.from(Pet.class)
                .join(Pet_.owner)
                .where(Owner_.lastName.eq("Davis"))
                .orderBy(Pet_.name.asc());
        assertThat(query.toSql().sql())
                .isEqualTo("SELECT \"pets\".\"id\", \"pets\".\"name\", \"pets\".\"owner_id\", \"pets\".\"type_id\""
                        + " FROM \"pets\" JOIN \"owners\" ON \"pets\".\"owner_id\" = \"owners\".\"id\" WHERE"
                        + " \"owners\".\"last_name\" = ? ORDER BY \"pets\".\"name\" ASC");
        assertThat(query.list()).extracting(p -> p.name).containsExactly("Basil", "Jewel", "Rosy");
    }

    @Test
    void joinOverAMappedByToManyFiltersRootsByTheirChildren() {
        List<Owner> owners = db.from(Owner.class)
                .join(Owner_.pets)
                .where(Pet_.name.eq("Leo"))
                .list();
        assertThat(owners).extracting(o -> o.lastName).containsExactly("Franklin");
    }
}
