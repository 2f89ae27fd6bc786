package io.databridge.observation;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.databridge.DataBridge;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.Tag;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/** Statement observations, the SQL log and the slow-query log, against PostgreSQL. */
@io.databridge.testdb.PostgresTest
class StatementObservationIntegrationTest {

    private final DataSource dataSource;
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    StatementObservationIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Note.class, Tag.class);
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        for (String name : List.of("io.databridge.sql", "io.databridge.slow-query")) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(logs);
        }
        DataBridge.create(dataSource).sql("TRUNCATE note, tag").update();
    }

    @AfterEach
    void releaseLogs() {
        for (String name : List.of("io.databridge.sql", "io.databridge.slow-query")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(logs);
            logger.setLevel(null);
        }
    }

    private DataBridge observed() {
        return DataBridge.builder(dataSource).observationRegistry(registry).build();
    }

    private List<String> messages(String logger) {
        return logs.list.stream()
                .filter(event -> event.getLoggerName().equals(logger))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void everyStatementIsObservedWithItsTaskAndSqlButNoValue() {
        DataBridge db = observed();
        Note note = db.insert(Note.of("secret text"));
        db.findById(Note.class, note.id());
        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(DefaultStatementObservationConvention.NAME, 2)
                .hasAnObservation(observation -> observation
                        .hasContextualNameEqualTo("insert Note")
                        .hasLowCardinalityKeyValue("db.system", "postgresql")
                        .hasLowCardinalityKeyValue("data-bridge.task", "insert Note")
                        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                        .hasLowCardinalityKeyValue("exception", "none")
                        .hasLowCardinalityKeyValue("route", "primary")
                        .hasHighCardinalityKeyValueWithKey("db.statement")
                        .doesNotHaveError())
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("find Note"));
        assertThat(registry)
                .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                        .hasSize(2)
                        .allSatisfy(context -> assertThat(((StatementObservationContext) context).sql())
                                .contains("\"note\"")
                                .doesNotContain("secret")));
    }

    @Test
    void repositoryPagesAreTaggedWithTheirEntity() {
        DataBridge db = observed();
        db.insertAll(List.of(Note.of("a"), Note.of("b"), Note.of("c")));
        NoteRepository notes = new io.databridge.repository.PgRepositoryFactory(db).create(NoteRepository.class);
        registry.clear();
        notes.findAll(org.springframework.data.domain.PageRequest.of(0, 2));
        notes.findAll(
                org.springframework.data.domain.PageRequest.of(1, 2, org.springframework.data.domain.Sort.by("text")));
        assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(DefaultStatementObservationConvention.NAME, 3)
                .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                        .hasSize(3)
                        .allSatisfy(context ->
                                assertThat(context.getContextualName()).isEqualTo("query Note")))
                .hasAnObservation(
                        observation -> observation.hasLowCardinalityKeyValue("data-bridge.task", "query Note"));
    }

    /** A repository over the notes. */
    interface NoteRepository extends io.databridge.repository.PgRepository<Note, Long> {}

    @Test
    void aFailureIsTheObservationsErrorAndTaggedWithTheTranslatedException() {
        DataBridge db = observed();
        Tag tag = db.insert(Tag.of("unique-name"));
        assertThatThrownBy(() -> db.insert(Tag.of(tag.name()))).isInstanceOf(DuplicateKeyException.class);
        assertThat(registry)
                .hasAnObservation(observation -> observation
                        .hasLowCardinalityKeyValue("outcome", "FAILURE")
                        .hasLowCardinalityKeyValue("exception", "DuplicateKeyException")
                        .assertThatError()
                        .isInstanceOf(DuplicateKeyException.class));
    }

    @Test
    void aStreamIsObservedUntilItIsClosed() {
        DataBridge db = observed();
        db.insertAll(List.of(Note.of("a"), Note.of("b"), Note.of("c")));
        registry.clear();
        try (Stream<Note> notes = db.sql("SELECT * FROM note ORDER BY id").stream(Note.class)) {
            java.util.Iterator<Note> rows = notes.iterator();
            assertThat(rows.next().text()).isEqualTo("a");
            assertThat(rows.next().text()).isEqualTo("b");
            assertThat(registry).hasSingleObservationThat().hasBeenStarted().isNotStopped();
        }
        assertThat(registry).hasSingleObservationThat().hasBeenStopped();
    }

    @Test
    void aConventionRenamesAndRetagsTheObservations() {
        DataBridge db = DataBridge.builder(dataSource)
                .observationRegistry(registry)
                .observationConvention(new DefaultStatementObservationConvention() {
                    @Override
                    public String getName() {
                        return "app.db";
                    }

                    @Override
                    public KeyValues getLowCardinalityKeyValues(StatementObservationContext context) {
                        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("team", "orders"));
                    }
                })
                .build();
        db.insert(Note.of("x"));
        assertThat(registry).hasObservationWithNameEqualTo("app.db").that().hasLowCardinalityKeyValue("team", "orders");
    }

    @Test
    void slowStatementsAreLoggedWithTaskDurationAndSqlButNoValue() {
        DataBridge db =
                DataBridge.builder(dataSource).slowQueryThreshold(Duration.ZERO).build();
        db.insert(Note.of("secret text"));
        assertThat(messages("io.databridge.slow-query"))
                .singleElement()
                .asString()
                .startsWith("Slow statement: insert Note took ")
                .contains("(threshold 0.000 ms); SQL: INSERT INTO \"note\"")
                .doesNotContain("secret");
        DataBridge relaxed = DataBridge.builder(dataSource)
                .slowQueryThreshold(Duration.ofMinutes(1))
                .build();
        relaxed.insert(Note.of("fast"));
        assertThat(messages("io.databridge.slow-query")).hasSize(1);
    }

    @Test
    void theSqlLoggerWritesEveryStatementAtDebugWithoutValues() {
        DataBridge db = DataBridge.create(dataSource);
        db.insert(Note.of("quiet"));
        assertThat(messages("io.databridge.sql")).isEmpty();
        ((Logger) LoggerFactory.getLogger("io.databridge.sql")).setLevel(Level.DEBUG);
        db.insert(Note.of("secret text"));
        assertThat(messages("io.databridge.sql"))
                .singleElement()
                .asString()
                .startsWith("insert Note (")
                .contains(" ms): INSERT INTO \"note\"")
                .doesNotContain("secret");
    }

    @Test
    void nothingIsObservedOrLoggedByDefault() {
        DataBridge.create(dataSource).insert(Note.of("x"));
        assertThat(registry).doesNotHaveAnyObservation();
        assertThat(logs.list).isEmpty();
    }

    @Test
    void aNegativeThresholdIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataBridge.builder(dataSource).slowQueryThreshold(Duration.ofMillis(-1)))
                .withMessage("slowQueryThreshold must be zero or positive, or null to turn it off, but was PT-0.001S");
    }
}
