package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.autoconfigure.pgbouncer.Ticket;
import io.databridge.autoconfigure.pgbouncer.TicketRepository;
import io.databridge.autoconfigure.pgbouncer.Ticket_;
import io.databridge.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything through a real PgBouncer in transaction pooling mode ({@code data-bridge.datasource.transaction-pooling=
 * true}): migrations at startup, CRUD, the DSL, repositories, streaming, bulk insert by COPY, nested transactions with
 * savepoints. The PgBouncer has two server connections handed out round robin, so consecutive transactions of one
 * client connection run on different server sessions; each test repeats its statements past pgjdbc's prepare
 * threshold. One PgBouncer and one scratch database serve the whole class.
 */
class PgBouncerTransactionPoolingTest {

    private static final TestDatabase database = TestDatabase.get();
    private static final String schema =
            "pgbouncer_" + UUID.randomUUID().toString().substring(0, 8);
    private static PgBouncerProcess bouncer;

    @BeforeAll
    static void startPgBouncer() throws Exception {
        direct("CREATE SCHEMA " + schema);
        bouncer = PgBouncerProcess.start(database.jdbcUrl(), database.username(), database.password(), schema);
    }

    @AfterAll
    static void stopPgBouncer() throws Exception {
        if (bouncer != null) {
            bouncer.close();
        }
        direct("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void direct(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long directCount(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private ApplicationContextRunner throughPgBouncer() {
        return Runners.withoutEmbedded()
                .withUserConfiguration(TicketPackage.class)
                .withPropertyValues(
                        "data-bridge.datasource.url=" + bouncer.jdbcUrl(),
                        "data-bridge.datasource.username=" + database.username(),
                        "data-bridge.datasource.password=" + database.password(),
                        "data-bridge.datasource.transaction-pooling=true",
                        "data-bridge.datasource.pool.maximum-size=2",
                        "data-bridge.migrations.locations=classpath:pgbouncer-migrations");
    }

    @BeforeEach
    void emptyTickets() throws SQLException {
        try (Connection connection = DriverManager.getConnection(bouncer.jdbcUrl() + "?prepareThreshold=0", "any", "");
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "DO $$ BEGIN IF to_regclass('tickets') IS NOT NULL THEN TRUNCATE tickets; END IF; END $$");
        }
    }

    @Test
    void migrationsRunThroughPgBouncerAndLeaveNoAdvisoryLockOnAnyServerSession() throws Exception {
        throughPgBouncer().run(context -> assertThat(context).hasNotFailed());
        throughPgBouncer().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DataBridge.class)
                            .sql("SELECT count(*) FROM data_bridge_schema_history")
                            .one(Long.class))
                    .isEqualTo(2);
        });
        assertThat(directCount("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND objid = (hashtext(? || '.data_bridge_schema_history')::bigint & 4294967295)::oid"))
                .isZero();
    }

    @Test
    void crudDslAndRepositoriesWorkPastThePrepareThreshold() {
        throughPgBouncer().run(context -> {
            assertThat(context).hasNotFailed();
            DataBridge db = context.getBean(DataBridge.class);
            TicketRepository tickets = context.getBean(TicketRepository.class);
            for (int i = 0; i < 12; i++) {
                Ticket inserted = db.insert(new Ticket(null, "t" + i, i, 0));
                Ticket updated = db.update(new Ticket(inserted.id(), inserted.title(), i + 100, inserted.version()));
                assertThat(updated.version()).isEqualTo(inserted.version() + 1);
                assertThat(db.findById(Ticket.class, inserted.id())).contains(updated);
                assertThat(tickets.findByTitle("t" + i)).contains(updated);
                assertThat(db.from(Ticket.class).where(Ticket_.priority.ge(100)).count())
                        .isEqualTo(1);
                assertThat(db.from(Ticket.class)
                                .where(Ticket_.title.eq("t" + i))
                                .set(Ticket_.priority, i)
                                .update())
                        .isEqualTo(1);
            }
            assertThat(tickets.findByPriorityGreaterThanOrderByTitleAsc(9))
                    .extracting(Ticket::title)
                    .containsExactly("t10", "t11");
            assertThat(tickets.count()).isEqualTo(12);
        });
    }

    @Test
    void streamingRunsOverACursorInsideATransactionAndOnItsOwn() {
        throughPgBouncer().run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            db.insertAll(IntStream.range(0, 300)
                    .mapToObj(i -> new Ticket(null, "s" + i, i, 0))
                    .toList());
            TransactionTemplate transaction =
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            Long inTransaction = transaction.execute(status -> {
                try (Stream<Ticket> rows = db.from(Ticket.class).fetchSize(50).stream()) {
                    return rows.count();
                }
            });
            assertThat(inTransaction).isEqualTo(300);
            try (Stream<Ticket> rows = db.from(Ticket.class).fetchSize(50).stream()) {
                assertThat(rows.mapToInt(Ticket::priority).sum()).isEqualTo(299 * 300 / 2);
            }
        });
    }

    @Test
    void bulkInsertByCopyWorksThroughPgBouncer() {
        throughPgBouncer().run(context -> {
            DataBridge db = context.getBean(DataBridge.class);
            List<Ticket> rows = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                rows.add(new Ticket(null, "bulk" + i, i % 7, 0));
            }
            List<Ticket> inserted = db.insertAll(rows);
            assertThat(inserted).extracting(Ticket::id).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(db.from(Ticket.class).count()).isEqualTo(10_000);
            assertThat(db.findById(Ticket.class, inserted.get(9_999).id()))
                    .map(Ticket::title)
                    .contains("bulk9999");
        });
    }

    @Test
    void aNestedTransactionRollsBackToItsSavepointAndTheOuterOneCommits() {
        throughPgBouncer().run(context -> {
            TicketRepository tickets = context.getBean(TicketRepository.class);
            PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
            TransactionTemplate outer = new TransactionTemplate(transactionManager);
            TransactionTemplate nested = new TransactionTemplate(transactionManager);
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            outer.executeWithoutResult(status -> {
                tickets.insert(new Ticket(null, "outer", 1, 0));
                assertThatThrownBy(() -> nested.executeWithoutResult(inner -> {
                            tickets.insert(new Ticket(null, "inner", 2, 0));
                            throw new IllegalStateException("undo the inner part");
                        }))
                        .hasMessage("undo the inner part");
                tickets.insert(new Ticket(null, "after", 3, 0));
            });
            assertThat(tickets.findAll()).extracting(Ticket::title).containsExactlyInAnyOrder("outer", "after");
        });
    }

    /** Why the setting exists: pgjdbc's named statements collide on server sessions that clients share. */
    @Test
    void withoutTheSettingPgjdbcsServerPreparedStatementsBreakBehindPgBouncer() {
        assertThatThrownBy(() -> {
                    for (int client = 0; client < 4; client++) {
                        try (Connection connection = DriverManager.getConnection(bouncer.jdbcUrl(), "any", "")) {
                            for (int i = 0; i < 10; i++) {
                                try (PreparedStatement statement = connection.prepareStatement("SELECT ?::int + 1")) {
                                    statement.setInt(1, i);
                                    try (ResultSet rows = statement.executeQuery()) {
                                        rows.next();
                                    }
                                }
                            }
                        }
                    }
                })
                .isInstanceOf(SQLException.class)
                .satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isIn("42P05", "26000"));
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = TicketRepository.class)
    static class TicketPackage {}
}
