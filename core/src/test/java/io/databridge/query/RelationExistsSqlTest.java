package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.relation.Category;
import io.databridge.relation.Category_;
import io.databridge.relation.OrderLine_;
import io.databridge.relation.Owner;
import io.databridge.relation.Owner_;
import io.databridge.relation.Pet;
import io.databridge.relation.Pet_;
import io.databridge.relation.PurchaseOrder;
import io.databridge.relation.PurchaseOrder_;
import io.databridge.relation.Specialty_;
import io.databridge.relation.Vet;
import io.databridge.relation.Vet_;
import io.databridge.relation.Visit_;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Pins the SQL of {@code any}/{@code none} over to-many relations, and their render-cache shape; no database. */
class RelationExistsSqlTest {

    private static final String OWNERS = "SELECT \"id\", \"last_name\" FROM \"owners\" WHERE ";

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void anyOverAMappedByToManyIsAnExistsCorrelatedByTheChildsForeignKey() {
        SqlStatement sql = db.from(Owner.class)
                .where(Owner_.pets.any(Pet_.name.startsWith("R")))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo(OWNERS + "EXISTS (SELECT 1 FROM \"pets\" WHERE \"pets\".\"owner_id\" = \"owners\".\"id\""
                        + " AND \"pets\".\"name\" LIKE ?)");
        assertThat(sql.binds()).containsExactly("R%");
    }

    @Test
    void noneAndTheBareFormsTestTheCollectionItself() {
        assertThat(db.from(Owner.class).where(Owner_.pets.none()).toSql().sql())
                .isEqualTo(
                        OWNERS + "NOT EXISTS (SELECT 1 FROM \"pets\" WHERE \"pets\".\"owner_id\" = \"owners\".\"id\")");
        assertThat(db.from(Owner.class).where(Owner_.pets.any()).toSql().sql())
                .isEqualTo(OWNERS + "EXISTS (SELECT 1 FROM \"pets\" WHERE \"pets\".\"owner_id\" = \"owners\".\"id\")");
        assertThat(db.from(Owner.class)
                        .where(Owner_.pets.none(Pet_.name.eq("Leo").or(Pet_.name.eq("Max"))))
                        .toSql()
                        .sql())
                .isEqualTo(OWNERS + "NOT EXISTS (SELECT 1 FROM \"pets\" WHERE \"pets\".\"owner_id\" = \"owners\".\"id\""
                        + " AND (\"pets\".\"name\" = ? OR \"pets\".\"name\" = ?))");
    }

    @Test
    void anyComposesWithOtherConditionsAndNests() {
        SqlStatement sql = db.from(Owner.class)
                .where(Owner_.lastName
                        .startsWith("D")
                        .and(Owner_.pets.any(Pet_.visits.any(Visit_.description.contains("shot")))))
                .toSql();
        assertThat(sql.sql())
                .isEqualTo(
                        OWNERS + "\"last_name\" LIKE ? AND EXISTS (SELECT 1 FROM \"pets\" WHERE \"pets\".\"owner_id\""
                                + " = \"owners\".\"id\" AND EXISTS (SELECT 1 FROM \"visits\" WHERE \"visits\".\"pet_id\" ="
                                + " \"pets\".\"id\" AND \"visits\".\"description\" LIKE ?))");
        assertThat(sql.binds()).containsExactly("D%", "%shot%");
    }

    @Test
    void anyOverAManyToManyGoesThroughTheJoinTable() {
        assertThat(db.from(Vet.class)
                        .where(Vet_.specialties.any(Specialty_.name.eq("surgery")))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"id\", \"name\" FROM \"vets\" WHERE EXISTS (SELECT 1 FROM \"vet_specialties\" AS"
                        + " \"j1\" JOIN \"specialties\" ON \"specialties\".\"id\" = \"j1\".\"specialty_id\" WHERE"
                        + " \"j1\".\"vet_id\" = \"vets\".\"id\" AND \"specialties\".\"name\" = ?)");
        assertThat(db.from(Vet.class).where(Vet_.specialties.none()).toSql().sql())
                .isEqualTo("SELECT \"id\", \"name\" FROM \"vets\" WHERE NOT EXISTS (SELECT 1 FROM \"vet_specialties\""
                        + " AS \"j1\" WHERE \"j1\".\"vet_id\" = \"vets\".\"id\")");
    }

    @Test
    void anyOverAOneWayToManyUsesItsJoinColumn() {
        assertThat(db.from(PurchaseOrder.class)
                        .where(PurchaseOrder_.lines.any(OrderLine_.quantity.gt(5)))
                        .toSql()
                        .sql())
                .endsWith("FROM \"purchase_orders\" WHERE EXISTS (SELECT 1 FROM \"order_lines\" WHERE"
                        + " \"order_lines\".\"order_id\" = \"purchase_orders\".\"id\" AND \"order_lines\".\"quantity\""
                        + " > ?)");
    }

    @Test
    void aTableTheOuterQueryAlreadyReadsIsAliased() {
        assertThat(db.from(Category.class)
                        .where(Category_.children.any(Category_.name.eq("lions")))
                        .toSql()
                        .sql())
                .isEqualTo("SELECT \"id\", \"name\", \"parent_id\" FROM \"categories\" WHERE EXISTS (SELECT 1 FROM"
                        + " \"categories\" AS \"t1\" WHERE \"t1\".\"parent_id\" = \"categories\".\"id\" AND"
                        + " \"t1\".\"name\" = ?)");
        assertThat(db.from(Pet.class)
                        .join(Pet_.owner)
                        .where(Owner_.pets.any(Pet_.name.eq("Rosy")))
                        .toSql()
                        .sql())
                .endsWith(" WHERE EXISTS (SELECT 1 FROM \"pets\" AS \"t1\" WHERE \"t1\".\"owner_id\" ="
                        + " \"owners\".\"id\" AND \"t1\".\"name\" = ?)");
    }

    @Test
    void theShapeIsCachedAndDiffersByNegationAndCondition() {
        RenderCache cache = ((DefaultSelectQuery<?>) db.from(Owner.class)).executor.cache();
        long before = cache.renders();
        for (String prefix : new String[] {"A", "B", "C"}) {
            SqlStatement sql = db.from(Owner.class)
                    .where(Owner_.pets.any(Pet_.name.startsWith(prefix)))
                    .toSql();
            assertThat(sql.binds()).containsExactly(prefix + "%");
        }
        assertThat(cache.renders() - before).isEqualTo(1);
        assertThat(db.from(Owner.class)
                        .where(Owner_.pets.none(Pet_.name.startsWith("A")))
                        .toSql()
                        .sql())
                .startsWith(OWNERS + "NOT EXISTS");
        assertThat(db.from(Owner.class).where(Owner_.pets.any()).toSql().sql()).doesNotContain("LIKE");
        assertThat(cache.renders() - before).isEqualTo(3);
    }

    @Test
    void aQueryThatDoesNotReadTheDeclaringEntityFailsNamingIt() {
        assertThatThrownBy(() -> db.from(Pet.class).where(Owner_.pets.any()).toSql())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("Owner.pets.any/none(...) compares the pets of each Owner row, but this query"
                        + " does not read Owner");
    }
}
