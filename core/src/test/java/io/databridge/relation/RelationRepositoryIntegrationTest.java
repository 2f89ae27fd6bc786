package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.mapping.EntityMappingException;
import io.databridge.repository.Fetch;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.repository.RepositoryDefinitionException;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

@PostgresTest
class RelationRepositoryIntegrationTest {

    private final StatementRecorder recorded;
    private final DataBridge db;
    private final OwnerRepository owners;
    private final PetRepository pets;

    RelationRepositoryIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
        this.owners = new PgRepositoryFactory(db).create(OwnerRepository.class);
        this.pets = new PgRepositoryFactory(db).create(PetRepository.class);
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(RelationFetchIntegrationTest.SCHEMA).update();
    }

    @BeforeEach
    void rows() {
        db.sql("""
                TRUNCATE visits, pets, pet_types, owners RESTART IDENTITY CASCADE;
                INSERT INTO owners (last_name) VALUES ('Franklin'), ('Davis'), ('Black');
                INSERT INTO pet_types VALUES (1, 'cat'), (2, 'dog');
                INSERT INTO pets (name, owner_id, type_id) VALUES
                    ('Leo', 1, 1), ('Basil', 2, 2), ('Rosy', 2, 2), ('Jewel', 2, 1);
                INSERT INTO visits (description, pet_id) VALUES ('rabies shot', 2), ('neutered', 2), ('spayed', 3);
                """).update();
        recorded.take();
    }

    @Test
    void aRedeclaredFindAllLoadsItsFetchPlanInOneStatementPerLevel() {
        List<Owner> all = owners.findAll();
        assertThat(recorded.take()).hasSize(3);
        assertThat(all.get(1).pets).extracting(p -> p.name).containsExactly("Basil", "Jewel", "Rosy");
        assertThat(all.get(1).pets.get(0).visits).hasSize(2);
    }

    @Test
    void aPageWithAToManyFetchIsAPageOfRootsWithTheTotalOfRoots() {
        Page<Owner> page = owners.findAll(PageRequest.of(0, 2, Sort.by("lastName")));
        assertThat(page.getContent()).extracting(o -> o.lastName).containsExactly("Black", "Davis");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent().get(0).pets).isEmpty();
        assertThat(page.getContent().get(1).pets).hasSize(3);
        List<String> statements = recorded.take();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).isEqualTo("SELECT count(*) FROM \"owners\"");
    }

    @Test
    void aRedeclaredFindByIdFetchesANestedToOne() {
        Owner owner = owners.findById(2L).orElseThrow();
        assertThat(owner.pets).extracting(p -> p.type.name()).containsExactly("dog", "cat", "dog");
        assertThat(owners.findById(99L)).isEmpty();
    }

    @Test
    void aDerivedQueryWalksAToOnePathWithASubquery() {
        assertThat(pets.findByOwnerLastName("Davis"))
                .extracting(p -> p.name)
                .containsExactlyInAnyOrder("Basil", "Rosy", "Jewel");
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"name\", \"owner_id\", \"type_id\" FROM \"pets\" WHERE \"owner_id\""
                        + " IN (SELECT \"owners\".\"id\" FROM \"owners\" WHERE \"owners\".\"last_name\" = ?)");
        assertThat(pets.countByOwnerLastNameStartingWith("Fr")).isEqualTo(1);
    }

    @Test
    void aDerivedQueryOverAToManyMatchesRootsByTheirChildren() {
        assertThat(owners.countByPetsNameStartingWith("R")).isEqualTo(1);
        assertThat(recorded.take())
                .containsExactly("SELECT count(*) FROM \"owners\" WHERE EXISTS (SELECT 1 FROM \"pets\" WHERE"
                        + " \"pets\".\"owner_id\" = \"owners\".\"id\" AND \"pets\".\"name\" LIKE ?)");
        assertThat(owners.findByPetsName("Leo")).extracting(o -> o.lastName).containsExactly("Franklin");
        assertThat(owners.countByPetsNameStartingWith("Z")).isZero();
    }

    @Test
    void aDerivedQueryOnTheReferencedIdComparesTheForeignKey() {
        assertThat(pets.findByOwnerId(1L)).extracting(p -> p.name).containsExactly("Leo");
        assertThat(recorded.take())
                .containsExactly(
                        "SELECT \"id\", \"name\", \"owner_id\", \"type_id\" FROM \"pets\" WHERE \"owner_id\"" + " = ?");
    }

    @Test
    void aDerivedQueryOnTheReferenceComparesTheForeignKeyWithItsId() {
        Owner franklin = new Owner();
        franklin.id = 1L;
        assertThat(pets.findByOwner(franklin)).extracting(p -> p.name).containsExactly("Leo");
    }

    @Test
    void fetchOnADerivedQueryLoadsToOneAndToMany() {
        List<Pet> found = pets.findByNameStartingWith("B");
        assertThat(found).singleElement().satisfies(basil -> {
            assertThat(basil.owner.lastName).isEqualTo("Davis");
            assertThat(basil.visits).hasSize(2);
        });
    }

    interface BadFetchRepository extends PgRepository<Owner, Long> {
        @Fetch("pest")
        List<Owner> findByLastName(String lastName);
    }

    @Test
    void aFetchPathThatNamesNoRelationFailsAtStartup() {
        assertThatThrownBy(() -> new PgRepositoryFactory(db).create(BadFetchRepository.class))
                .isInstanceOf(RepositoryDefinitionException.class)
                .hasMessageContaining(
                        "Cannot fetch \"pest\": Owner has no relation 'pest'; its relations are" + " [pets]");
    }

    interface BrokenRepository extends PgRepository<MisnamedOwner, Long> {}

    @Test
    void aMappedByThatNamesNoPropertyFailsAtStartupWithTheFix() {
        assertThatThrownBy(() -> new PgRepositoryFactory(db).create(BrokenRepository.class))
                .isInstanceOf(EntityMappingException.class)
                .hasMessage("Cannot map MisnamedOwner.pets: @OneToMany(mappedBy = \"ownr\") names no relation"
                        + " property of MisnamedPet; did you mean 'owner'?");
    }
}
