package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema().diff} of relations: join tables, one-way key columns, foreign keys and their indexes. */
@PostgresTest
class RelationSchemaDiffIntegrationTest {

    /** The tables of a legacy schema: every column there, but no foreign key, no index and no join table. */
    private static final String LEGACY = """
            DROP TABLE IF EXISTS visits, pets, pet_types, owners, vet_specialties, vets, specialties, order_lines,
                purchase_orders CASCADE;
            CREATE TABLE owners (id bigserial PRIMARY KEY, last_name text);
            CREATE TABLE pet_types (id integer PRIMARY KEY, name text);
            CREATE TABLE pets (id bigserial PRIMARY KEY, name text, owner_id bigint, type_id integer);
            CREATE TABLE vets (id bigserial PRIMARY KEY, name text);
            CREATE TABLE specialties (id integer PRIMARY KEY, name text);
            CREATE TABLE purchase_orders (id bigserial PRIMARY KEY, customer text, version integer);
            CREATE TABLE order_lines (id bigserial PRIMARY KEY, product text, quantity integer NOT NULL);
            """;

    private final DataBridge db;

    RelationSchemaDiffIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
    }

    @BeforeEach
    void legacySchema() {
        db.sql(LEGACY).update();
    }

    @Test
    void theDiffAddsMissingForeignKeysTheirIndexesJoinTablesAndOneWayKeyColumns() {
        assertThat(db.schema().diff(Pet.class, Vet.class, PurchaseOrder.class))
                .containsExactly(
                        "ALTER TABLE \"pets\" ADD FOREIGN KEY (\"owner_id\") REFERENCES \"owners\" (\"id\")",
                        "CREATE INDEX IF NOT EXISTS \"pets_owner_id_idx\" ON \"pets\" (\"owner_id\")",
                        "ALTER TABLE \"pets\" ADD FOREIGN KEY (\"type_id\") REFERENCES \"pet_types\" (\"id\")",
                        "CREATE INDEX IF NOT EXISTS \"pets_type_id_idx\" ON \"pets\" (\"type_id\")",
                        "CREATE TABLE IF NOT EXISTS \"vet_specialties\" (\"vet_id\" bigint NOT NULL REFERENCES"
                                + " \"vets\" (\"id\") ON DELETE CASCADE, \"specialty_id\" integer NOT NULL REFERENCES"
                                + " \"specialties\" (\"id\"), PRIMARY KEY (\"vet_id\", \"specialty_id\"))",
                        "CREATE INDEX IF NOT EXISTS \"vet_specialties_specialty_id_idx\" ON \"vet_specialties\""
                                + " (\"specialty_id\")",
                        "ALTER TABLE \"order_lines\" ADD COLUMN IF NOT EXISTS \"order_id\" bigint REFERENCES"
                                + " \"purchase_orders\" (\"id\") ON DELETE CASCADE",
                        "CREATE INDEX IF NOT EXISTS \"order_lines_order_id_idx\" ON \"order_lines\" (\"order_id\")");
    }

    @Test
    void anExistingForeignKeyOrIndexIsNotRepeated() {
        db.sql("""
                ALTER TABLE pets ADD CONSTRAINT pets_owner FOREIGN KEY (owner_id) REFERENCES owners (id);
                CREATE INDEX pets_by_type_and_name ON pets (type_id, name);
                ALTER TABLE order_lines ADD COLUMN order_id bigint;
                CREATE INDEX order_lines_order ON order_lines (order_id);
                """).update();
        assertThat(db.schema().diff(Pet.class, PurchaseOrder.class))
                .containsExactly(
                        "CREATE INDEX IF NOT EXISTS \"pets_owner_id_idx\" ON \"pets\" (\"owner_id\")",
                        "ALTER TABLE \"pets\" ADD FOREIGN KEY (\"type_id\") REFERENCES \"pet_types\" (\"id\")",
                        "ALTER TABLE \"order_lines\" ADD FOREIGN KEY (\"order_id\") REFERENCES \"purchase_orders\""
                                + " (\"id\") ON DELETE CASCADE");
    }

    @Test
    void aMissingTableIsCreatedBeforeTheRelationsThatReferToIt() {
        db.sql("DROP TABLE specialties").update();
        assertThat(db.schema().diff(Vet.class, Specialty.class))
                .first()
                .asString()
                .startsWith("CREATE TABLE IF NOT EXISTS \"specialties\"");
    }

    @Test
    void theWrittenMigrationAppliedLeavesAnEmptyDiff(@TempDir Path directory) throws Exception {
        Class<?>[] model = {
            Owner.class,
            Pet.class,
            PetType.class,
            Visit.class,
            Vet.class,
            Specialty.class,
            PurchaseOrder.class,
            OrderLine.class
        };
        Path script = db.schema().writeMigration(directory, "relations", model).orElseThrow();
        db.sql(Files.readString(script)).update();
        assertThat(db.schema().diff(model)).isEmpty();
        assertThat(db.schema().writeMigration(directory, "nothing", model)).isEmpty();
    }
}
