package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.relation.strategy.Chore;
import io.databridge.relation.strategy.Keeper;
import io.databridge.relation.strategy.Keeper_;
import io.databridge.repository.Fetch;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.repository.Query;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A relation's default plan ({@code @Loading(always = true)}) and batch lazy loading ({@code lazy = true}). */
@PostgresTest
class DefaultPlanAndLazyLoadingIntegrationTest {

    private final StatementRecorder recorded;
    private final DataBridge db;
    private final TransactionTemplate transaction;

    DefaultPlanAndLazyLoadingIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(recorded));
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(FetchStrategyIntegrationTest.SCHEMA).update();
    }

    @BeforeEach
    void rows() {
        db.sql(FetchStrategyIntegrationTest.ROWS).update();
        recorded.take();
    }

    @Test
    void aDefaultPlanIsFetchedByEveryQueryUnlessTheQueryLeavesItOut() {
        List<Keeper> keepers = db.from(Keeper.class).orderBy(Keeper_.id.asc()).list();
        assertThat(recorded.take())
                .containsExactly("SELECT q.*, f1.\"id\", f1.\"name\" FROM (SELECT q0.*, row_number() OVER () AS"
                        + " \"__row\" FROM (SELECT \"id\", \"name\", \"city_id\" FROM \"st_keepers\" ORDER BY \"id\""
                        + " ASC) q0) q LEFT JOIN \"st_cities\" f1 ON f1.\"id\" = q.\"city_id\" ORDER BY q.\"__row\"");
        assertThat(keepers)
                .extracting(k -> k.city == null ? null : k.city.name())
                .containsExactly("Oslo", null, "Bergen");

        assertThat(db.findById(Keeper.class, 3L).orElseThrow().city.name()).isEqualTo("Bergen");
        assertThat(recorded.take()).hasSize(1);

        List<Keeper> without = db.from(Keeper.class)
                .orderBy(Keeper_.id.asc())
                .noFetch(Keeper_.city)
                .list();
        assertThat(recorded.take())
                .containsExactly("SELECT \"id\", \"name\", \"city_id\" FROM \"st_keepers\" ORDER BY \"id\" ASC");
        assertThat(without.get(0).city.id()).isEqualTo(1);
        assertThat(without.get(0).city.name()).isNull();

        assertThat(db.findById(Keeper.class, 3L, "!city").orElseThrow().city.name())
                .isNull();
        assertThat(db.fetch(Keeper.class, without).get(0).city.name()).isEqualTo("Oslo");
    }

    /** Repository methods over an entity with a default plan, each also fetching the lazy collection. */
    interface KeeperRepository extends PgRepository<Keeper, Long> {
        @Override
        @Fetch("chores")
        List<Keeper> findAll();

        @Fetch("chores")
        List<Keeper> findByNameStartingWith(String prefix);

        @Fetch("chores")
        @Query("SELECT * FROM st_keepers WHERE name LIKE :prefix || '%'")
        List<Keeper> named(String prefix);
    }

    @Test
    void aRepositoryFetchLoadsTheDefaultPlanOnceWithTheQueryAndOnlyItsOwnPathsAfterIt() {
        KeeperRepository keepers = new PgRepositoryFactory(db).create(KeeperRepository.class);
        recorded.take();
        List<Supplier<List<Keeper>>> calls =
                List.of(keepers::findAll, () -> keepers.findByNameStartingWith(""), () -> keepers.named(""));
        for (Supplier<List<Keeper>> call : calls) {
            List<Keeper> found = call.get();
            List<String> statements = recorded.take();
            assertThat(found)
                    .extracting(k -> k.city == null ? null : k.city.name())
                    .contains("Oslo", "Bergen");
            assertThat(found).allSatisfy(k -> assertThat(k.chores).isNotNull());
            // The city once: by the query's JOIN (derived) or after it (findAll, @Query); the chores after it.
            assertThat(statements).as("%s", statements).hasSizeLessThanOrEqualTo(3);
            assertThat(statements.stream().filter(sql -> sql.contains("\"st_cities\"")))
                    .as("%s", statements)
                    .hasSize(1);
            assertThat(statements.stream().filter(sql -> sql.contains("\"st_chores\"")))
                    .as("%s", statements)
                    .hasSize(1);
        }
    }

    @Test
    void aLazyCollectionLoadsForAllSiblingsInOneStatementInsideTheTransaction() {
        List<String> statements = transaction.execute(status -> {
            List<Keeper> keepers =
                    db.from(Keeper.class).orderBy(Keeper_.id.asc()).list();
            recorded.take();
            assertThat(keepers.get(0).chores).extracting(c -> c.title).containsExactly("clean", "feed");
            List<String> first = recorded.take();
            assertThat(keepers.get(1).chores).isEmpty();
            assertThat(keepers.get(2).chores).extracting(c -> c.title).containsExactly("walk");
            assertThat(keepers.get(0).chores.get(0).keeper).isSameAs(keepers.get(0));
            assertThat(recorded.take()).isEmpty();
            return first;
        });
        assertThat(statements)
                .containsExactly("SELECT t.\"id\", t.\"title\", t.\"keeper_id\" FROM \"st_chores\" t WHERE"
                        + " t.\"keeper_id\" = ANY(?) ORDER BY t.\"title\"");
    }

    @Test
    void aLazyCollectionFailsWithTheFetchToAddOutsideTheTransactionThatReadIt() {
        Keeper outside = db.from(Keeper.class).orderBy(Keeper_.id.asc()).list().get(0);
        assertThatThrownBy(() -> outside.chores.size())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Keeper.chores was not fetched; add .fetch(Keeper_.chores) or @Fetch(\"chores\") (lazy"
                        + " loading works only inside the transaction that read the Keeper)");
        Keeper afterwards =
                transaction.execute(status -> db.findById(Keeper.class, 1L).orElseThrow());
        assertThatThrownBy(() -> afterwards.chores.isEmpty()).isInstanceOf(InvalidDataAccessApiUsageException.class);
        recorded.take();
        // an explicit fetch needs no transaction
        assertThat(db.findById(Keeper.class, 1L, "chores").orElseThrow().chores).hasSize(2);
    }

    @Test
    void savingAnAggregateWhoseLazyCollectionWasNeverReadLeavesItsChildrenAlone() {
        transaction.executeWithoutResult(status -> {
            Keeper keeper = db.findById(Keeper.class, 1L).orElseThrow();
            keeper.name = "Anna";
            db.update(keeper);
        });
        assertThat(db.sql("SELECT count(*) FROM st_chores WHERE keeper_id = 1").one(Long.class))
                .isEqualTo(2L);

        transaction.executeWithoutResult(status -> {
            Keeper keeper = db.findById(Keeper.class, 1L).orElseThrow();
            keeper.chores.remove(0);
            keeper.chores.add(new Chore("brush"));
            db.update(keeper);
        });
        assertThat(db.sql("SELECT title FROM st_chores WHERE keeper_id = 1 ORDER BY title")
                        .list(String.class))
                .containsExactly("brush", "feed");
    }
}
