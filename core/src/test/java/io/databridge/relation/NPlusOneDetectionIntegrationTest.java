package io.databridge.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The runtime N+1 detector: one WARN per transaction and read statement run more often than the threshold. */
@PostgresTest
class NPlusOneDetectionIntegrationTest {

    private static final String LOGGER = "io.databridge.n-plus-one";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> heard = new ArrayList<>();
    private final DataSource dataSource;
    private final DataBridge db;
    private final TransactionTemplate transaction;

    NPlusOneDetectionIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.builder(dataSource)
                .nPlusOneThreshold(3)
                .nPlusOneListener((task, sql) -> heard.add(task + ": " + sql))
                .build();
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).sql(RelationFetchIntegrationTest.SCHEMA).update();
    }

    @BeforeEach
    void rows() {
        db.sql("""
                TRUNCATE visits, pets, pet_types, owners RESTART IDENTITY CASCADE;
                INSERT INTO owners (last_name) VALUES ('Franklin'), ('Davis'), ('Black'), ('Coleman'), ('Escobito');
                INSERT INTO pets (name, owner_id) VALUES ('Leo', 1), ('Basil', 2), ('Rosy', 3), ('Jewel', 4),
                    ('Iggy', 5);
                INSERT INTO visits (description, pet_id) VALUES ('rabies shot', 2);
                """).update();
        logs.start();
        ((Logger) LoggerFactory.getLogger(LOGGER)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(LOGGER)).detachAppender(logs);
    }

    private List<String> warnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The classic N+1: the pets in one query, then each pet's owner by id. */
    private void ownerOfEachPet() {
        for (Pet pet : db.from(Pet.class).orderBy(Pet_.id.asc()).list()) {
            db.findById(Owner.class, pet.owner.id).orElseThrow();
        }
    }

    @Test
    void aReadRunMoreOftenThanTheThresholdInOneTransactionIsLoggedOnceNamingTheFetchThatAvoidsIt() {
        transaction.executeWithoutResult(status -> ownerOfEachPet());

        assertThat(warnings())
                .containsExactly("N+1 suspected: find Owner ran 4 times in one transaction (threshold 3); add"
                        + " .fetch(Pet_.owner) or @Fetch(\"owner\") where the Pets are read. SQL: SELECT \"id\","
                        + " \"last_name\" FROM \"owners\" WHERE \"id\" = ?");
        assertThat(logs.list.get(0).getLevel()).hasToString("WARN");
        assertThat(heard).containsExactly("find Owner: SELECT \"id\", \"last_name\" FROM \"owners\" WHERE \"id\" = ?");
    }

    @Test
    void noBoundValueIsLogged() {
        transaction.executeWithoutResult(status -> {
            for (String name : List.of("Franklin", "Davis", "Black", "Coleman")) {
                db.from(Owner.class).where(Owner_.lastName.eq(name)).list();
            }
        });

        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("query Owner ran 4 times")
                .doesNotContain("Davis");
    }

    @Test
    void runsUpToTheThresholdAreNotReported() {
        transaction.executeWithoutResult(status -> {
            for (long id = 1; id <= 3; id++) {
                db.findById(Owner.class, id);
            }
        });

        assertThat(warnings()).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void eachTransactionCountsFromZero() {
        for (int i = 0; i < 3; i++) {
            transaction.executeWithoutResult(status -> {
                for (long id = 1; id <= 3; id++) {
                    db.findById(Owner.class, id);
                }
            });
        }

        assertThat(warnings()).isEmpty();
    }

    @Test
    void statementsOutsideATransactionAreNotCounted() {
        ownerOfEachPet();

        assertThat(warnings()).isEmpty();
    }

    @Test
    void writesInALoopAreNotReportedAsNPlusOne() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                db.insert(new Owner("Owner " + i));
            }
        });

        assertThat(warnings()).isEmpty();
    }

    @Test
    void aRelationFetchedOneRootAtATimeNamesTheNestedFetch() {
        transaction.executeWithoutResult(status -> {
            db.from(Owner.class).fetch(Owner_.pets).list(); // Owner.pets is a mapped relation to Pet
            for (long id = 1; id <= 4; id++) {
                db.findById(Pet.class, id, "visits");
            }
        });

        assertThat(warnings())
                .contains(
                        "N+1 suspected: find Pet ran 4 times in one transaction (threshold 3); add .fetch(Owner_.pets)"
                                + " or @Fetch(\"pets\") where the Owners are read; or add .fetch(Visit_.pet) or"
                                + " @Fetch(\"pet\") where the Visits are read. SQL: SELECT \"id\", \"name\","
                                + " \"owner_id\", \"type_id\" FROM \"pets\" WHERE \"id\" = ?",
                        "N+1 suspected: fetch Pet.visits ran 4 times in one transaction (threshold 3); add"
                                + " .fetch(Owner_.pets, Pet_.visits) or @Fetch(\"pets.visits\") where the Owners are read."
                                + " SQL: SELECT t.\"id\", t.\"description\", t.\"pet_id\" FROM \"visits\" t WHERE t.\"pet_id\""
                                + " = ANY(?) ORDER BY t.\"id\"");
    }

    @Test
    void aTransactionSuspendedByANewOneKeepsItsOwnCounts() {
        TransactionTemplate requiresNew = new TransactionTemplate(transaction.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.executeWithoutResult(status -> {
            db.findById(Owner.class, 1L);
            db.findById(Owner.class, 2L);
            requiresNew.executeWithoutResult(inner -> {
                db.findById(Owner.class, 3L);
                db.findById(Owner.class, 4L);
            });
            db.findById(Owner.class, 5L);
        });

        assertThat(warnings()).isEmpty();
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataBridge.builder(dataSource).nPlusOneThreshold(-1))
                .withMessage("nPlusOneThreshold must be at least 1, or 0 to turn detection off, but was -1");
    }
}
