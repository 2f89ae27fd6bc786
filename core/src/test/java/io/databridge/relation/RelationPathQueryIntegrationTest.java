package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.repository.RepositoryDefinitionException;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Conditions over to-many relations ({@code any}/{@code none} in the DSL) and derived queries whose paths walk more
 * than one relation or a many-to-many, against PostgreSQL: each root matches once, however many related rows match.
 */
@PostgresTest
class RelationPathQueryIntegrationTest {

    /** Derived queries on owners through pets and visits. */
    public interface Owners extends PgRepository<Owner, Long> {
        List<Owner> findByPetsVisitsDescriptionContainingOrderByLastName(String text);

        long countByPetsVisitsDescriptionContaining(String text);

        boolean existsByPetsTypeName(String type);

        List<Owner> findByPetsTypeNameOrderByLastName(String type);

        Page<Owner> findByPetsNameStartingWith(String prefix, Pageable page);

        List<Owner> findByLastNameOrPetsName(String lastName, String petName);
    }

    /** Derived queries on visits through two to-ones. */
    public interface Visits extends PgRepository<Visit, Long> {
        List<Visit> findByPetOwnerLastNameOrderByDescription(String lastName);

        List<Visit> findByPetOwnerId(Long ownerId);
    }

    /** Derived queries over a many-to-many. */
    public interface Vets extends PgRepository<Vet, Long> {
        List<Vet> findBySpecialtiesName(String name);

        long countBySpecialtiesNameIn(Collection<String> names);
    }

    /** Derived queries over a one-way one-to-many. */
    public interface Orders extends PgRepository<PurchaseOrder, Long> {
        List<PurchaseOrder> findByLinesProduct(String product);
    }

    /** Derived queries over the inverse side of a one-to-one. */
    public interface People extends PgRepository<Person, Long> {
        List<Person> findByPassportNumberStartingWith(String prefix);
    }

    /** A misspelled nested path. */
    public interface Misspelled extends PgRepository<Owner, Long> {
        List<Owner> findByPetsVisitsDescripton(String text);
    }

    /** A path through a plain column. */
    public interface ThroughAColumn extends PgRepository<Visit, Long> {
        List<Visit> findByDescriptionBytes(byte[] bytes);
    }

    private final StatementRecorder recorded;
    private final DataBridge db;
    private final Owners owners;
    private final Visits visits;
    private final Vets vets;
    private final Orders orders;

    RelationPathQueryIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
        PgRepositoryFactory factory = new PgRepositoryFactory(db);
        this.owners = factory.create(Owners.class);
        this.visits = factory.create(Visits.class);
        this.vets = factory.create(Vets.class);
        this.orders = factory.create(Orders.class);
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(RelationFetchIntegrationTest.SCHEMA).update();
        DataBridge.create(dataSource).schema().create(Person.class, Passport.class);
    }

    @BeforeEach
    void rows() {
        db.sql(RelationFetchIntegrationTest.ROWS).update();
        db.sql("""
                INSERT INTO purchase_orders (customer, version) VALUES ('ada', 0), ('bob', 0);
                INSERT INTO order_lines (product, quantity, order_id) VALUES
                    ('tea', 1, 1), ('tea', 2, 1), ('cake', 3, 2);
                """).update();
        recorded.take();
    }

    private List<String> lastNames(List<Owner> list) {
        return list.stream().map(o -> o.lastName).toList();
    }

    // ---- DSL ---------------------------------------------------------------------------------------------------

    @Test
    void anyMatchesEachRootOnceHoweverManyChildrenMatch() {
        List<Owner> found = db.from(Owner.class)
                .where(Owner_.pets.any(Pet_.type.eq(new PetType(2, "dog")).or(Pet_.name.eq("Jewel"))))
                .list();
        assertThat(lastNames(found)).containsExactly("Davis");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"last_name\" FROM \"owners\" WHERE EXISTS (SELECT 1 FROM \"pets\""
                        + " WHERE \"pets\".\"owner_id\" = \"owners\".\"id\" AND (\"pets\".\"type_id\" = ? OR"
                        + " \"pets\".\"name\" = ?))");
        assertThat(db.from(Owner.class).where(Owner_.pets.any()).count()).isEqualTo(2);
    }

    @Test
    void noneMatchesRootsWithoutMatchingChildren() {
        assertThat(lastNames(db.from(Owner.class).where(Owner_.pets.none()).list()))
                .containsExactly("Black");
        assertThat(lastNames(db.from(Owner.class)
                        .where(Owner_.pets.none(Pet_.name.eq("Leo")))
                        .orderBy(Owner_.lastName.asc())
                        .list()))
                .containsExactly("Black", "Davis");
    }

    @Test
    void anyComposesWithOtherConditionsAndNestsDownTwoLevels() {
        assertThat(lastNames(db.from(Owner.class)
                        .where(Owner_.lastName.ne("Davis").and(Owner_.pets.any()))
                        .list()))
                .containsExactly("Franklin");
        assertThat(lastNames(db.from(Owner.class)
                        .where(Owner_.pets.any(Pet_.visits.any(Visit_.description.contains("shot"))))
                        .list()))
                .containsExactly("Davis");
        assertThat(lastNames(db.from(Owner.class)
                        .where(Owner_.pets.any(Pet_.visits.none()).and(Owner_.pets.none(Pet_.name.eq("Leo"))))
                        .list()))
                .containsExactly("Davis");
        assertThat(db.from(Pet.class)
                        .where(Pet_.visits.none())
                        .orderBy(Pet_.name.asc())
                        .select(Pet_.name)
                        .list())
                .containsExactly("Jewel", "Leo");
    }

    @Test
    void anyOverAManyToManyAndAOneWayOneToMany() {
        assertThat(db.from(Vet.class)
                        .where(Vet_.specialties.any(Specialty_.name.eq("surgery")))
                        .select(Vet_.name)
                        .list())
                .containsExactly("Leary");
        assertThat(db.from(Vet.class)
                        .where(Vet_.specialties.none())
                        .select(Vet_.name)
                        .list())
                .containsExactly("Carter");
        assertThat(db.from(PurchaseOrder.class)
                        .where(PurchaseOrder_.lines.any(OrderLine_.product.eq("tea")))
                        .select(PurchaseOrder_.customer)
                        .list())
                .containsExactly("ada");
    }

    @Test
    void aJoinedTableOfTheSameEntityDoesNotCaptureTheSubquery() {
        assertThat(db.from(Pet.class)
                        .join(Pet_.owner)
                        .where(Owner_.pets.any(Pet_.name.eq("Rosy")))
                        .orderBy(Pet_.name.asc())
                        .select(Pet_.name)
                        .list())
                .containsExactly("Basil", "Jewel", "Rosy");
    }

    @Test
    void aPageOfRootsCountsRootsNotChildren() {
        var query =
                db.from(Owner.class).where(Owner_.pets.any(Pet_.visits.any())).orderBy(Owner_.lastName.asc());
        assertThat(query.count()).isEqualTo(1);
        assertThat(lastNames(query.limit(5).list())).containsExactly("Davis");
        assertThat(db.from(Owner.class).where(Owner_.pets.any()).count()).isEqualTo(2);
    }

    // ---- derived queries ---------------------------------------------------------------------------------------

    @Test
    void aDerivedPathThroughTwoToManysIsNestedExists() {
        assertThat(lastNames(owners.findByPetsVisitsDescriptionContainingOrderByLastName("e")))
                .containsExactly("Davis");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"last_name\" FROM \"owners\" WHERE EXISTS (SELECT 1 FROM \"pets\""
                        + " WHERE \"pets\".\"owner_id\" = \"owners\".\"id\" AND EXISTS (SELECT 1 FROM \"visits\" WHERE"
                        + " \"visits\".\"pet_id\" = \"pets\".\"id\" AND \"visits\".\"description\" LIKE ?)) ORDER BY"
                        + " \"last_name\" ASC");
        assertThat(owners.countByPetsVisitsDescriptionContaining("e")).isEqualTo(1);
        assertThat(owners.countByPetsVisitsDescriptionContaining("x")).isZero();
    }

    @Test
    void aDerivedPathFromAToManyIntoAToOneNestsTheForeignKeySubquery() {
        assertThat(owners.existsByPetsTypeName("cat")).isTrue();
        assertThat(owners.existsByPetsTypeName("bird")).isFalse();
        recorded.take();
        assertThat(lastNames(owners.findByPetsTypeNameOrderByLastName("cat"))).containsExactly("Davis", "Franklin");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"last_name\" FROM \"owners\" WHERE EXISTS (SELECT 1 FROM \"pets\""
                        + " WHERE \"pets\".\"owner_id\" = \"owners\".\"id\" AND \"pets\".\"type_id\" IN (SELECT"
                        + " \"pet_types\".\"id\" FROM \"pet_types\" WHERE \"pet_types\".\"name\" = ?)) ORDER BY"
                        + " \"last_name\" ASC");
    }

    @Test
    void aDerivedPathThroughTwoToOnes() {
        assertThat(visits.findByPetOwnerLastNameOrderByDescription("Davis"))
                .extracting(v -> v.description)
                .containsExactly("neutered", "rabies shot", "spayed");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"description\", \"pet_id\" FROM \"visits\" WHERE \"pet_id\" IN"
                        + " (SELECT \"pets\".\"id\" FROM \"pets\" WHERE \"pets\".\"owner_id\" IN (SELECT"
                        + " \"owners\".\"id\" FROM \"owners\" WHERE \"owners\".\"last_name\" = ?)) ORDER BY"
                        + " \"description\" ASC");
        assertThat(visits.findByPetOwnerId(1L)).isEmpty();
        assertThat(visits.findByPetOwnerId(2L)).hasSize(3);
        assertThat(recorded.take().get(0))
                .endsWith("WHERE \"pet_id\" IN (SELECT \"pets\".\"id\" FROM \"pets\" WHERE \"pets\".\"owner_id\" = ?)");
    }

    @Test
    void aPageOfADerivedToManyPathHasNoDuplicateRoots() {
        Page<Owner> page = owners.findByPetsNameStartingWith("", PageRequest.of(0, 1, Sort.by("lastName")));
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(lastNames(page.getContent())).containsExactly("Davis");
        assertThat(lastNames(owners.findByLastNameOrPetsName("Black", "Leo")))
                .containsExactlyInAnyOrder("Black", "Franklin");
    }

    @Test
    void aDerivedPathOverAManyToManyGoesThroughTheJoinTable() {
        assertThat(vets.findBySpecialtiesName("radiology"))
                .extracting(v -> v.name)
                .containsExactly("Leary");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"name\" FROM \"vets\" WHERE EXISTS (SELECT 1 FROM"
                        + " \"vet_specialties\" AS \"j1\" JOIN \"specialties\" ON \"specialties\".\"id\" ="
                        + " \"j1\".\"specialty_id\" WHERE \"j1\".\"vet_id\" = \"vets\".\"id\" AND"
                        + " \"specialties\".\"name\" = ?)");
        assertThat(vets.countBySpecialtiesNameIn(List.of("surgery", "radiology")))
                .isEqualTo(1);
        assertThat(vets.countBySpecialtiesNameIn(List.of("dentistry"))).isZero();
    }

    @Test
    void aDerivedPathOverAOneWayOneToMany() {
        assertThat(orders.findByLinesProduct("tea"))
                .extracting(PurchaseOrder::customer)
                .containsExactly("ada");
    }

    @Test
    void aPathThroughAPlainColumnFailsAtStartupNamingTheRelations() {
        assertThatThrownBy(() -> new PgRepositoryFactory(db).create(ThroughAColumn.class))
                .isInstanceOf(RepositoryDefinitionException.class)
                .hasMessageContaining(
                        "Visit.description is not a relation, so the path cannot continue past it; Visit's"
                                + " relations are [pet]");
    }

    @Test
    void aDerivedPathOverTheInverseSideOfAOneToOne() {
        db.sql("TRUNCATE passports, people RESTART IDENTITY CASCADE").update();
        Person ada = new Person();
        ada.name = "Ada";
        db.insert(ada);
        Person bob = new Person();
        bob.name = "Bob";
        db.insert(bob);
        db.insert(new Passport("X-1", ada));
        People people = new PgRepositoryFactory(db).create(People.class);
        assertThat(people.findByPassportNumberStartingWith("X"))
                .extracting(p -> p.name)
                .containsExactly("Ada");
        assertThat(people.findByPassportNumberStartingWith("Y")).isEmpty();
    }

    @Test
    void aDeleteFilteredByNone() {
        assertThat(db.from(Owner.class).where(Owner_.pets.none()).delete()).isEqualTo(1);
        assertThat(lastNames(db.from(Owner.class).orderBy(Owner_.lastName.asc()).list()))
                .containsExactly("Davis", "Franklin");
    }

    @Test
    void aMisspelledNestedPathFailsAtStartupWithTheClosestName() {
        assertThatThrownBy(() -> new PgRepositoryFactory(db).create(Misspelled.class))
                .isInstanceOf(RepositoryDefinitionException.class)
                .hasMessageContaining("Visit has no property 'descripton' (did you mean 'description'?)");
    }
}
