package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.databridge.DataBridge;
import io.databridge.audit.AuditTrail;
import io.databridge.error.HasErrorId;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.fixtures.Account;
import io.databridge.fixtures.Account_;
import io.databridge.query.EntityAlias;
import io.databridge.query.Expressions;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.testdb.PostgresTest;
import io.databridge.transaction.DataBridgeTransactionManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail, captured from its logger: what each event carries, and that it never carries a value. */
@PostgresTest
class AuditTrailTest {

    private static final String SECRET = "vault-audit-secret";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final DataSource dataSource;
    private final DataBridge db;

    AuditTrailTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.builder(dataSource)
                .sanitizeErrors(true)
                .auditTrail(AuditTrail.toLog(() -> Optional.of("alice")))
                .build();
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Account.class);
    }

    @BeforeEach
    void capture() {
        db.sql("TRUNCATE account").update();
        Logger logger = (Logger) LoggerFactory.getLogger(AuditTrail.LOGGER);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
        appender.list.clear();
    }

    @AfterEach
    void release() {
        Logger logger = (Logger) LoggerFactory.getLogger(AuditTrail.LOGGER);
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
    }

    private List<Map<String, Object>> events() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            Map<String, Object> pairs = new LinkedHashMap<>();
            pairs.put("message", event.getFormattedMessage());
            for (KeyValuePair pair :
                    event.getKeyValuePairs() == null ? List.<KeyValuePair>of() : event.getKeyValuePairs()) {
                pairs.put(pair.key, pair.value);
            }
            events.add(pairs);
        }
        return events;
    }

    private static Account account(String owner) {
        return new Account(UUID.randomUUID(), owner, BigDecimal.ONE);
    }

    @Test
    void aWriteIsOneEventWithOperationEntityRowsDurationAndPrincipalAndNoValue() {
        db.insert(account(SECRET));
        db.findById(Account.class, UUID.randomUUID());

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event)
                    .containsEntry("event", "statement")
                    .containsEntry("operation", "insert")
                    .containsEntry("entity", "Account")
                    .containsEntry("rows", 1L)
                    .containsEntry("principal", "alice")
                    .containsEntry("outcome", "success")
                    .containsKey("durationMs");
            assertThat(event.toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void aBulkWriteCountsItsRowsAndATransactionOutcomeSharesItsId() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accounts.add(account("owner " + i));
        }
        DataBridgeTransactionManager manager =
                new DataBridgeTransactionManager(dataSource, new PgExceptionTranslator(true));
        manager.setAuditTrail(AuditTrail.toLog());
        new TransactionTemplate(manager).executeWithoutResult(status -> db.insertAll(accounts));

        List<Map<String, Object>> events = events();
        assertThat(events).extracting(event -> event.get("event")).containsExactly("statement", "transaction");
        assertThat(events.get(0)).containsEntry("operation", "insertAll").containsEntry("rows", 10L);
        assertThat(events.get(1)).containsEntry("result", "commit").containsEntry("outcome", "success");
        assertThat(events.get(0).get("transactionId"))
                .isNotNull()
                .isEqualTo(events.get(1).get("transactionId"));
    }

    @Test
    void aFailedWriteCarriesItsErrorIdAndSqlStateButNoValue() {
        Account stored = db.insert(account("first"));
        appender.list.clear();

        Throwable thrown = catchThrowable(() -> db.insert(new Account(stored.id(), SECRET, BigDecimal.TEN)));

        assertThat(thrown).isInstanceOf(DuplicateKeyException.class);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event)
                    .containsEntry("outcome", "failure")
                    .containsEntry("exception", "DuplicateKeyException")
                    .containsEntry("errorId", ((HasErrorId) thrown).errorId())
                    .containsEntry("sqlState", "23505");
            assertThat(event.toString()).doesNotContain(SECRET);
        });
    }

    /** The security events among the captured events. */
    private List<Map<String, Object>> securityEvents() {
        return events().stream()
                .filter(event -> "security".equals(event.get("event")))
                .toList();
    }

    @Test
    void aRejectedIdentifierIsOneSecurityEventWithTheInputsLengthAndHashButNotTheInput() {
        String alias = "a; DROP TABLE account; --" + SECRET;

        Throwable thrown = catchThrowable(() -> EntityAlias.of(Account.class, alias));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event)
                    .containsEntry("message", "security identifier-rejected")
                    .containsEntry("securityEvent", "identifier-rejected")
                    .containsEntry("subject", "table alias")
                    .containsEntry("inputLength", alias.length())
                    .containsEntry("principal", "alice")
                    .containsKey("inputHash");
            assertThat(event.toString()).doesNotContain(SECRET, "DROP");
        });
    }

    @Test
    void theSameRejectedInputHasTheSameHashAndOtherInputAnother() {
        catchThrowable(() -> Expressions.function("lower(" + SECRET, String.class, Account_.owner));
        catchThrowable(() -> Expressions.function("lower(" + SECRET, String.class, Account_.owner));
        catchThrowable(() -> Expressions.function("upper(" + SECRET, String.class, Account_.owner));

        List<Map<String, Object>> events = securityEvents();
        assertThat(events).hasSize(3).allSatisfy(event -> assertThat(event).containsEntry("subject", "function name"));
        assertThat(events.get(0).get("inputHash"))
                .isEqualTo(events.get(1).get("inputHash"))
                .isNotEqualTo(events.get(2).get("inputHash"));
    }

    @Test
    void aRejectedSortKeyIsOneSecurityEventWithoutTheKey() {
        Accounts accounts = new PgRepositoryFactory(db).create(Accounts.class);
        String key = "owner; DELETE FROM account --" + SECRET;

        Throwable thrown = catchThrowable(() -> accounts.findAll(Sort.by(key)));

        assertThat(thrown).isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event)
                    .containsEntry("securityEvent", "sort-key-rejected")
                    .containsEntry("subject", "sort key of Account")
                    .containsEntry("inputLength", key.length())
                    .containsKey("inputHash");
            assertThat(event.toString()).doesNotContain(SECRET, "DELETE");
        });
    }

    @Test
    void aSanitizedErrorIsOneSecurityEventWithItsErrorIdAndSqlState() {
        Throwable thrown = catchThrowable(() ->
                db.sql("SELECT CAST(:value AS uuid)").param("value", SECRET).list(String.class));

        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event)
                    .containsEntry("securityEvent", "error-sanitized")
                    .containsEntry("errorId", ((HasErrorId) thrown).errorId())
                    .containsEntry("sqlState", "22P02")
                    .containsEntry("exception", "DataIntegrityViolationException")
                    .containsEntry("principal", "alice");
            assertThat(event.toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void anErrorWithoutValuesInItsMessageIsNoSecurityEvent() {
        Throwable thrown =
                catchThrowable(() -> db.sql("SELECT 1 / :zero").param("zero", 0).one(Integer.class));

        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(securityEvents()).isEmpty();
    }

    @Test
    void aSanitizedErrorIsNoEventWithTheAuditTrailOff() {
        catchThrowable(() -> DataBridge.create(dataSource)
                .sql("SELECT CAST(:value AS uuid)")
                .param("value", SECRET)
                .list(String.class));

        assertThat(events()).isEmpty();
    }

    /** A repository of accounts, for its sort keys. */
    public interface Accounts extends PgRepository<Account, UUID> {}

    @Test
    void offByDefault() {
        DataBridge.create(dataSource).insert(account("quiet"));

        assertThat(events()).isEmpty();
    }
}
