package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.autoconfigure.replica.Note;
import io.databridge.autoconfigure.replica.NoteRepository;
import io.databridge.observation.StatementObservationContext;
import io.databridge.transaction.ReadYourWrites;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A primary and a streaming replica that applies each commit 300 ms late, both started by the test: reads outside any
 * transaction (the DataBridge API, repositories, the DSL, raw SQL, streams) run on the replica, with the same
 * read-your-writes rule as read-only transactions; writes, modifying queries, locking reads and everything inside a
 * read-write transaction run on the primary; each statement observation carries its route.
 */
class ReplicaReadsOutsideTransactionsTest {

    private static LocalPostgresServer primary;
    private static LocalPostgresServer replica;

    private final TestObservationRegistry observations = TestObservationRegistry.create();

    @BeforeAll
    static void startPrimaryAndDelayedReplica() throws Exception {
        primary = LocalPostgresServer.startPrimary();
        primary.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)", "CREATE SEQUENCE note_ids");
        replica = LocalPostgresServer.startStandby(primary, "recovery_min_apply_delay = '300ms'");
    }

    @AfterAll
    static void stopServers() throws Exception {
        LocalPostgresServer.closeAll(replica, primary);
    }

    @AfterEach
    void forgetPosition() {
        ReadYourWrites.clear();
    }

    private ApplicationContextRunner runner(String maxWait) {
        return Runners.withoutEmbedded()
                .withConfiguration(AutoConfigurations.of(DataBridgeReplicasAutoConfiguration.class))
                .withUserConfiguration(NotesPackage.class)
                .withBean(ObservationRegistry.class, () -> observations)
                .withPropertyValues(
                        "data-bridge.datasource.url=" + primary.jdbcUrl(),
                        "data-bridge.datasource.username=postgres",
                        "data-bridge.datasource.pool.maximum-size=2",
                        "data-bridge.replicas[0].url=" + replica.jdbcUrl(),
                        "data-bridge.read-your-writes.max-wait=" + maxWait,
                        "data-bridge.migrations.enabled=false");
    }

    @Test
    void readsOutsideATransactionRunOnTheReplicaAndAreTaggedWithIt() {
        runner("100ms").run(context -> {
            assertThat(context).hasNotFailed();
            DataBridge db = context.getBean(DataBridge.class);
            NoteRepository notes = context.getBean(NoteRepository.class);
            observations.clear();

            assertThat(db.sql("SELECT pg_is_in_recovery()").one(Boolean.class)).isTrue();
            db.findById(Note.class, 1L);
            db.from(Note.class).list();
            db.from(Note.class).count();
            notes.findById(1L);
            notes.count();
            notes.findByBody("nothing");
            notes.fromId(0);
            try (Stream<Boolean> inRecovery = db.sql("SELECT pg_is_in_recovery()").stream(Boolean.class)) {
                assertThat(inRecovery).containsExactly(true);
            }
            try (Stream<Note> rows = db.from(Note.class).stream()) {
                assertThat(rows).isNotNull();
            }

            assertThat(routes()).hasSize(10).containsOnly("replica-0");
        });
    }

    @Test
    void aReadOutsideATransactionIsServedByTheReplicaSoItMissesAWriteItWasNotToldOf() {
        runner("100ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            assertThat(db.findById(Note.class, -10L)).isEmpty(); // the replica's pool has its connection now
            primary.execute("INSERT INTO notes VALUES (-10, 'written behind data-bridge''s back')");
            assertThat(db.findById(Note.class, -10L)).isEmpty();
        });
    }

    @Test
    void writesModifyingQueriesAndLockingReadsOutsideATransactionRunOnThePrimary() {
        runner("100ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            NoteRepository notes = context.getBean(NoteRepository.class);
            observations.clear();

            db.insert(new Note(-20, "inserted"));
            assertThat(notes.rename(-20, "renamed")).isOne();
            assertThat(db.sql("SELECT nextval('note_ids')").one(Long.class)).isPositive();
            assertThat(db.sql("SELECT body FROM notes WHERE id = -20 FOR UPDATE")
                            .list(String.class))
                    .containsExactly("renamed");
            assertThat(db.sql("SELECT pg_is_in_recovery() FOR SHARE").one(Boolean.class))
                    .isFalse();

            assertThat(routes()).hasSize(5).containsOnly("primary");
        });
    }

    @Test
    void everyWriteOutsideATransactionIsReadBackAtOnceOutsideOneToo() {
        runner("0ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            NoteRepository notes = context.getBean(NoteRepository.class);
            for (long id = 1; id <= 300; id++) {
                db.insert(new Note(id, "note " + id));
                assertThat(db.findById(Note.class, id))
                        .as("read of write %d", id)
                        .isPresent();
                assertThat(notes.findByBody("note " + id))
                        .as("read of write %d", id)
                        .hasSize(1);
            }
        });
    }

    @Test
    void aReadOutsideATransactionWaitsForTheReplicaToReplayTheThreadsWrite() {
        runner("5s").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            db.insert(new Note(-30, "waited for"));
            observations.clear();

            assertThat(db.from(Note.class).list()).extracting(Note::body).contains("waited for");
            assertThat(routes()).containsExactly("replica-0");
        });
    }

    @Test
    void insideAReadWriteTransactionReadsRunOnThePrimaryAndInAReadOnlyOneOnTheReplica() {
        runner("100ms").run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            observations.clear();

            Boolean inReadWrite = new TransactionTemplate(transactions)
                    .execute(status -> db.sql("SELECT pg_is_in_recovery()").one(Boolean.class));
            assertThat(inReadWrite).isFalse();
            assertThat(routes()).containsExactly("primary");

            ReadYourWrites.clear();
            observations.clear();
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            Boolean inReadOnly = readOnly.execute(
                    status -> db.sql("SELECT pg_is_in_recovery()").one(Boolean.class));
            assertThat(inReadOnly).isTrue();
            assertThat(routes()).containsExactly("replica-0");
        });
    }

    /** The route tag of each statement observed since the last clear, in order. */
    private List<String> routes() {
        List<String> routes = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(observations)
                .hasHandledContextsThatSatisfy(contexts -> contexts.stream()
                        .filter(StatementObservationContext.class::isInstance)
                        .forEach(context -> routes.add(
                                context.getLowCardinalityKeyValue("route").getValue())));
        return routes;
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = NoteRepository.class)
    static class NotesPackage {}
}
