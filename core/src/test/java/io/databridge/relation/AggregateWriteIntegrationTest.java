package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

@PostgresTest
class AggregateWriteIntegrationTest {

    private final StatementRecorder recorded;
    private final DataBridge db;

    AggregateWriteIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(RelationFetchIntegrationTest.SCHEMA).update();
    }

    @BeforeEach
    void rows() {
        db.sql("""
                TRUNCATE visits, pets, pet_types, owners, vet_specialties, vets, specialties, order_lines,
                    purchase_orders RESTART IDENTITY;
                INSERT INTO pet_types VALUES (1, 'cat'), (2, 'dog');
                INSERT INTO specialties VALUES (1, 'surgery'), (2, 'dentistry'), (3, 'radiology');
                """).update();
        recorded.take();
    }

    private List<String> petNames(long ownerId) {
        return db.sql("SELECT name FROM pets WHERE owner_id = :id ORDER BY name")
                .param("id", ownerId)
                .list(String.class);
    }

    /**
     * The statements run since the last call, without the bulk path's lookup of an id column's sequence: the engine
     * asks that once per entity (and this test builds a new engine per test), so it is not part of a save's shape.
     */
    private List<String> taken() {
        return recorded.take().stream()
                .filter(sql -> !sql.startsWith("SELECT CASE WHEN c.relnamespace = t.relnamespace"))
                .toList();
    }

    private Owner ownerWithPets(String lastName, String... names) {
        Owner owner = new Owner(lastName);
        for (String name : names) {
            Pet pet = new Pet(name);
            pet.type = new PetType(1, null);
            owner.pets.add(pet);
        }
        return db.insert(owner);
    }

    @Test
    void insertingAParentInsertsItsNewChildrenInOneStatementAndWritesTheirIdsBack() {
        Owner owner = new Owner("Franklin");
        Pet leo = new Pet("Leo");
        Pet max = new Pet("Max");
        owner.pets.add(leo);
        owner.pets.add(max);
        db.insert(owner);
        assertThat(taken()).hasSize(2);
        assertThat(owner.id).isEqualTo(1L);
        assertThat(leo.id).isEqualTo(1L);
        assertThat(max.id).isEqualTo(2L);
        assertThat(leo.owner).isSameAs(owner);
        assertThat(petNames(1)).containsExactly("Leo", "Max");
    }

    @Test
    void savingAFetchedAggregateInsertsUpdatesAndDeletesOnlyWhatChanged() {
        Owner stored = ownerWithPets("Davis", "Basil", "Rosy", "Jewel");
        Owner owner = db.findById(Owner.class, stored.id, "pets").orElseThrow();
        recorded.take();
        Pet rosy = owner.pets.stream()
                .filter(p -> p.name.equals("Rosy"))
                .findFirst()
                .orElseThrow();
        rosy.name = "Rosa";
        owner.pets.removeIf(p -> p.name.equals("Jewel"));
        Pet newcomer = new Pet("Max");
        owner.pets.add(newcomer);
        db.save(owner);
        List<String> statements = recorded.take();
        assertThat(statements.get(0)).startsWith("UPDATE \"owners\"");
        assertThat(statements.subList(1, statements.size()))
                .containsExactly(
                        "DELETE FROM \"visits\" t1 WHERE t1.\"pet_id\" IN (SELECT t0.\"id\" FROM \"pets\" t0 WHERE"
                                + " t0.\"owner_id\" = ANY(?) AND t0.\"id\" <> ALL(?))",
                        "DELETE FROM \"pets\" t0 WHERE t0.\"owner_id\" = ANY(?) AND t0.\"id\" <> ALL(?)",
                        statements.get(3),
                        statements.get(4));
        assertThat(statements.get(3)).contains("INSERT INTO \"pets\"");
        assertThat(statements.get(4)).contains("UPDATE \"pets\"");
        assertThat(newcomer.id).isNotNull();
        assertThat(petNames(stored.id)).containsExactly("Basil", "Max", "Rosa");
    }

    @Test
    void oneChangedChildIsWrittenByTheSingleRowUpdateAndSeveralByOneBulkStatement() {
        Owner owner = ownerWithPets("Davis", "Basil", "Rosy", "Jewel");
        recorded.take();
        owner.pets.get(1).name = "Rosa";
        db.update(owner);
        // The single-row statement keeps its plan on the server; an unnest statement is planned on every call. With
        // nothing else to write, the root's and the child's go in one round trip.
        assertThat(taken())
                .containsExactly(
                        "UPDATE \"owners\" SET \"last_name\" = ? WHERE \"id\" = ? RETURNING \"id\", \"last_name\";\n"
                                + "UPDATE \"pets\" SET \"name\" = ?, \"owner_id\" = ?, \"type_id\" = ? WHERE \"id\" = ?"
                                + " RETURNING \"id\", \"name\", \"owner_id\", \"type_id\"");
        owner.pets.get(0).name = "Basile";
        owner.pets.get(2).name = "Jade";
        db.update(owner);
        List<String> statements = taken();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).contains("UPDATE \"pets\"").contains("unnest(");
        assertThat(petNames(owner.id)).containsExactly("Basile", "Jade", "Rosa");
    }

    @Test
    void aChangedChildDeletedMeanwhileFailsTheWholeSave() {
        Owner owner = ownerWithPets("Davis", "Basil", "Rosy");
        db.sql("DELETE FROM pets WHERE name = 'Rosy'").update();
        owner.lastName = "Davies";
        owner.pets.get(1).name = "Rosa";
        assertThatThrownBy(() -> db.update(owner))
                .isInstanceOf(org.springframework.dao.IncorrectUpdateSemanticsDataAccessException.class);
        assertThat(db.sql("SELECT last_name FROM owners WHERE id = :id")
                        .param("id", owner.id)
                        .one(String.class))
                .isEqualTo("Davis");
    }

    @Test
    void savingAnUnchangedFetchedAggregateWritesOnlyTheRoot() {
        Owner stored = ownerWithPets("Davis", "Basil", "Rosy");
        Owner owner = db.findById(Owner.class, stored.id, "pets").orElseThrow();
        recorded.take();
        db.save(owner);
        assertThat(taken()).hasSize(1).allMatch(sql -> sql.startsWith("UPDATE \"owners\""));
    }

    @Test
    void savingAParentWhoseChildrenWereNotFetchedLeavesThemAlone() {
        Owner stored = ownerWithPets("Davis", "Basil", "Rosy");
        Owner owner = db.findById(Owner.class, stored.id).orElseThrow();
        owner.lastName = "Davies";
        db.save(owner);
        assertThat(petNames(stored.id)).containsExactly("Basil", "Rosy");
    }

    @Test
    void aChildMovesBetweenParents() {
        Owner first = ownerWithPets("Franklin", "Leo");
        Owner second = ownerWithPets("Davis", "Basil");
        Owner from = db.findById(Owner.class, first.id, "pets").orElseThrow();
        Owner to = db.findById(Owner.class, second.id, "pets").orElseThrow();
        Pet leo = from.pets.remove(0);
        to.pets.add(leo);
        db.save(to);
        db.save(from);
        assertThat(petNames(first.id)).isEmpty();
        assertThat(petNames(second.id)).containsExactly("Basil", "Leo");
    }

    @Test
    void deletingTheRootDeletesTheWholeAggregate() {
        Owner owner = ownerWithPets("Davis", "Basil");
        Pet basil = db.findById(Pet.class, owner.pets.get(0).id, "visits").orElseThrow();
        basil.visits.add(new Visit("rabies shot"));
        db.save(basil);
        assertThat(db.sql("SELECT count(*) FROM visits").one(Long.class)).isEqualTo(1);
        recorded.take();
        db.delete(owner);
        assertThat(taken())
                .containsExactly(
                        "DELETE FROM \"visits\" t1 WHERE t1.\"pet_id\" IN (SELECT t0.\"id\" FROM \"pets\" t0 WHERE"
                                + " t0.\"owner_id\" = ANY(?))",
                        "DELETE FROM \"pets\" t0 WHERE t0.\"owner_id\" = ANY(?)",
                        "DELETE FROM \"owners\" WHERE \"id\" = ?");
        assertThat(db.sql("SELECT count(*) FROM pets").one(Long.class)).isZero();
        assertThat(db.sql("SELECT count(*) FROM visits").one(Long.class)).isZero();
    }

    @Test
    void aRecordAggregateComesBackWithItsStoredChildren() {
        PurchaseOrder order =
                db.insert(PurchaseOrder.of("ACME", List.of(OrderLine.of("bolt", 10), OrderLine.of("nut", 20))));
        assertThat(order.id()).isEqualTo(1L);
        assertThat(order.version()).isZero();
        assertThat(order.lines()).containsExactly(new OrderLine(1L, "bolt", 10), new OrderLine(2L, "nut", 20));
        assertThat(db.sql("SELECT count(*) FROM order_lines WHERE order_id = 1").one(Long.class))
                .isEqualTo(2);

        List<OrderLine> lines = new ArrayList<>(order.lines());
        lines.set(0, new OrderLine(1L, "bolt", 11));
        lines.remove(1);
        lines.add(OrderLine.of("washer", 5));
        PurchaseOrder updated = db.update(order.withLines(lines));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.lines()).containsExactly(new OrderLine(1L, "bolt", 11), new OrderLine(3L, "washer", 5));
        assertThat(db.from(PurchaseOrder.class)
                        .fetch(PurchaseOrder_.lines)
                        .one()
                        .lines())
                .containsExactly(new OrderLine(1L, "bolt", 11), new OrderLine(3L, "washer", 5));
    }

    @Test
    void aStaleRootVersionGuardsTheWholeAggregate() {
        PurchaseOrder order = db.insert(PurchaseOrder.of("ACME", List.of(OrderLine.of("bolt", 10))));
        db.update(order.withLines(order.lines()));
        assertThatThrownBy(() -> db.update(order.withLines(List.of())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(db.sql("SELECT count(*) FROM order_lines").one(Long.class)).isEqualTo(1);
    }

    @Test
    void insertAllOfManyAggregatesRunsAFixedNumberOfStatements() {
        List<PurchaseOrder> orders = new ArrayList<>();
        for (int o = 0; o < 200; o++) {
            List<OrderLine> lines = new ArrayList<>();
            for (int l = 0; l < 10; l++) {
                lines.add(OrderLine.of("p" + l, l));
            }
            orders.add(PurchaseOrder.of("c" + o, lines));
        }
        List<PurchaseOrder> stored = db.insertAll(orders);
        assertThat(taken()).hasSize(2); // the orders, the lines with their keys
        assertThat(stored).hasSize(200);
        assertThat(stored.get(199).lines()).hasSize(10).allMatch(line -> line.id() != null);
        assertThat(db.sql("SELECT count(*) FROM order_lines WHERE order_id = :id")
                        .param("id", stored.get(199).id())
                        .one(Long.class))
                .isEqualTo(10);
    }

    @Test
    void manyToManyLinksAreDiffed() {
        Vet vet = new Vet("Leary");
        vet.specialties.add(new Specialty(1, "surgery"));
        vet.specialties.add(new Specialty(3, "radiology"));
        db.insert(vet);
        Vet loaded = db.findById(Vet.class, vet.id, "specialties").orElseThrow();
        assertThat(loaded.specialties).extracting(Specialty::name).containsExactly("radiology", "surgery");
        loaded.specialties.removeIf(s -> s.id() == 1);
        loaded.specialties.add(new Specialty(2, "dentistry"));
        recorded.take();
        db.save(loaded);
        List<String> statements = recorded.take();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("DELETE FROM \"vet_specialties\" j WHERE j.\"vet_id\" = ANY(?)");
        assertThat(statements.get(2)).startsWith("INSERT INTO \"vet_specialties\" (\"vet_id\", \"specialty_id\")");
        db.save(loaded);
        assertThat(taken()).as("an unchanged link set writes no link").hasSize(1);
        assertThat(db.findById(Vet.class, vet.id, "specialties").orElseThrow().specialties)
                .extracting(Specialty::name)
                .containsExactly("dentistry", "radiology");
        assertThat(db.sql("SELECT count(*) FROM specialties").one(Long.class)).isEqualTo(3);
        assertThat(Set.copyOf(db.sql("SELECT specialty_id FROM vet_specialties").list(Integer.class)))
                .containsExactlyInAnyOrder(2, 3);
    }
}
