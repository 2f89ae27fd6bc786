package io.databridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.testdb.PostgresTest;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Queries built anew per call (DSL code in a loop, repository methods) render their SQL text and build their row
 * reader once per shape; later calls only collect their values. Counted by the engine's {@link RenderCache}.
 */
@PostgresTest
class RenderOnceIntegrationTest {

    /** A record projection of a customer. */
    public record NameAndAge(String name, Integer age) {}

    /** Derived queries of each kind the cache serves. */
    public interface CustomerRepository extends PgRepository<Customer, Long> {
        List<Customer> findByAgeGreaterThanOrderByNameAsc(int age);

        List<NameAndAge> findNamesByAgeGreaterThanOrderByNameAsc(int age);

        Page<Customer> findByActive(boolean active, PageRequest page);

        List<Customer> findByTierIn(List<Tier> tiers);

        List<Customer> findByAge(Integer age);
    }

    private final DataBridge db;
    private final CustomerRepository customers;

    RenderOnceIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
        this.customers = new PgRepositoryFactory(db).create(CustomerRepository.class);
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Customer.class);
    }

    @BeforeEach
    void fill() {
        db.sql("TRUNCATE customers RESTART IDENTITY").update();
        db.insert(new Customer("ada@example.com", "Ada", 36, true, Tier.GOLD));
        db.insert(new Customer("bob@example.org", "Bob", 17, false, Tier.BRONZE));
        db.insert(new Customer("cy@example.com", "Cy", 52, true, Tier.SILVER));
    }

    private long renders() {
        return ((DefaultSelectQuery<?>) db.from(Customer.class))
                .executor
                .cache()
                .renders();
    }

    @Test
    void aDslQueryBuiltInALoopRendersOnceAndBindsEachCallsValues() {
        long before = renders();
        for (int age = 10; age < 60; age += 10) {
            List<String> names = db.from(Customer.class)
                    .where(Customer_.age.gt(age).and(Customer_.email.endsWith(".com")))
                    .orderBy(Customer_.name.asc())
                    .limit(10)
                    .select(Customer_.name)
                    .list();
            assertThat(names).hasSize(age < 36 ? 2 : age < 52 ? 1 : 0);
        }
        assertThat(renders() - before).isEqualTo(1);
    }

    @Test
    void derivedQueriesRenderOncePerShape() {
        long before = renders();
        for (int age = 10; age < 60; age += 10) {
            customers.findByAgeGreaterThanOrderByNameAsc(age);
            customers.findNamesByAgeGreaterThanOrderByNameAsc(age);
        }
        assertThat(customers.findNamesByAgeGreaterThanOrderByNameAsc(20))
                .containsExactly(new NameAndAge("Ada", 36), new NameAndAge("Cy", 52));
        assertThat(renders() - before).isEqualTo(2);
    }

    @Test
    void aPagedQueryRendersItsPageAndItsCountOncePerSort() {
        long before = renders();
        for (int page = 0; page < 3; page++) {
            Page<Customer> result = customers.findByActive(true, PageRequest.of(page, 1, Sort.by("name")));
            assertThat(result.getTotalElements()).isEqualTo(2);
        }
        assertThat(renders() - before).as("the page and its count").isEqualTo(2);
        Page<Customer> byAge = customers.findByActive(true, PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "age")));
        assertThat(byAge.getContent()).extracting(c -> c.name).containsExactly("Cy");
        assertThat(renders() - before).as("another sort is another shape").isEqualTo(3);
    }

    @Test
    void whichArgumentsAreNullIsPartOfTheShape() {
        long before = renders();
        assertThat(customers.findByAge(36)).extracting(c -> c.name).containsExactly("Ada");
        assertThat(customers.findByAge(17)).extracting(c -> c.name).containsExactly("Bob");
        assertThat(customers.findByAge(null)).isEmpty();
        assertThat(renders() - before).isEqualTo(2);
    }

    @Test
    void inListsOfAnySizeShareOneShape() {
        long before = renders();
        assertThat(customers.findByTierIn(List.of(Tier.GOLD))).hasSize(1);
        assertThat(customers.findByTierIn(List.of(Tier.GOLD, Tier.SILVER))).hasSize(2);
        assertThat(customers.findByTierIn(List.of(Tier.GOLD, Tier.SILVER, Tier.BRONZE)))
                .hasSize(3);
        assertThat(renders() - before).isEqualTo(1);
    }
}
