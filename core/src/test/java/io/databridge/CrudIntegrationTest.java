package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.User;
import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PostgresTest
class CrudIntegrationTest {

    private final DataSource dataSource;
    private final DataBridge db;

    CrudIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.builder(dataSource).sanitizeErrors(false).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(User.class, Note.class, Account.class);
    }

    @BeforeEach
    void emptyTables() {
        db.sql("TRUNCATE users, note, account RESTART IDENTITY").update();
    }

    @Test
    void insertReturnsTheGeneratedIdVersionAndTimestampsOnTheSameInstance() {
        User user = new User("ada@example.com", "Ada", 36);
        User stored = db.insert(user);
        assertThat(stored).isSameAs(user);
        assertThat(user.id).isEqualTo(1L);
        assertThat(user.version).isZero();
        assertThat(user.createdAt).isNotNull().isEqualTo(user.updatedAt);
    }

    @Test
    void insertOfARecordReturnsANewInstanceWithTheGeneratedIdAndVersion() {
        Note note = Note.of("hello");
        Note stored = db.insert(note);
        assertThat(stored).isNotSameAs(note).isEqualTo(new Note(1L, "hello", 0));
    }

    @Test
    void findByIdReadsTheRowBackAndIsEmptyForAMissingId() {
        User user = db.insert(new User("grace@example.com", "Grace", 45));
        User found = db.findById(User.class, user.id).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(user);
        assertThat(db.findById(User.class, 999L)).isEmpty();
    }

    @Test
    void updateWritesChangesIncrementsTheVersionAndMovesUpdatedAt() {
        User user = db.insert(new User("linus@example.com", "Linus", 20));
        var createdAt = user.createdAt;
        user.name = "Linus T.";
        db.update(user);
        assertThat(user.version).isEqualTo(1);
        assertThat(user.createdAt).isEqualTo(createdAt);
        assertThat(user.updatedAt).isAfterOrEqualTo(createdAt);
        assertThat(db.findById(User.class, user.id).orElseThrow().name).isEqualTo("Linus T.");
    }

    @Test
    void aStaleVersionFailsWithOptimisticLockingAndChangesNothing() {
        User user = db.insert(new User("ken@example.com", "Ken", 70));
        User concurrent = db.findById(User.class, user.id).orElseThrow();
        concurrent.name = "first writer";
        db.update(concurrent);
        user.name = "second writer";
        assertThatThrownBy(() -> db.update(user))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("updated or deleted by another transaction");
        assertThat(db.findById(User.class, user.id).orElseThrow().name).isEqualTo("first writer");
    }

    @Test
    void updatingARecordReturnsANewInstanceWithTheNextVersion() {
        Note note = db.insert(Note.of("draft"));
        Note updated = db.update(note.withText("final"));
        assertThat(updated).isEqualTo(new Note(note.id(), "final", 1));
        assertThatThrownBy(() -> db.update(note.withText("stale")))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void updateOfAMissingRowWithoutVersionFailsClearly() {
        Account ghost = new Account(UUID.randomUUID(), "nobody", BigDecimal.ONE);
        assertThatThrownBy(() -> db.update(ghost))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class)
                .hasMessage("Cannot update " + Account.class.getName()
                        + ": no row has its id; insert it first, or use save()");
    }

    @Test
    void saveInsertsNewEntitiesAndUpdatesStoredOnes() {
        User user = db.save(new User("barbara@example.com", "Barbara", 80));
        assertThat(user.id).isNotNull();
        user.age = 81;
        db.save(user);
        assertThat(user.version).isEqualTo(1);
        Note note = db.save(Note.of("a"));
        assertThat(db.save(note.withText("b")).version()).isEqualTo(1);
    }

    @Test
    void saveUpsertsAnEntityWithAnAssignedIdAndNoVersion() {
        UUID id = UUID.randomUUID();
        db.save(new Account(id, "ada", new BigDecimal("10.50")));
        Account saved = db.save(new Account(id, "ada", new BigDecimal("12.00")));
        assertThat(saved.balance()).isEqualByComparingTo("12.00");
        assertThat(db.sql("SELECT count(*) FROM account").one(Long.class)).isEqualTo(1L);
    }

    @Test
    void deleteRemovesTheRowAndChecksTheVersion() {
        User user = db.insert(new User("dennis@example.com", "Dennis", 70));
        User stale = db.findById(User.class, user.id).orElseThrow();
        db.update(user);
        assertThatThrownBy(() -> db.delete(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        db.delete(user);
        assertThat(db.findById(User.class, user.id)).isEmpty();
    }

    @Test
    void deleteByIdSaysWhetherARowWasDeleted() {
        Note note = db.insert(Note.of("x"));
        assertThat(db.deleteById(Note.class, note.id())).isTrue();
        assertThat(db.deleteById(Note.class, note.id())).isFalse();
    }

    @Test
    void aDuplicateUniqueValueIsADuplicateKeyException() {
        db.insert(new User("same@example.com", "One", 1));
        assertThatThrownBy(() -> db.insert(new User("same@example.com", "Two", 2)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void insertAllIsAllOrNothing() {
        List<User> users = List.of(
                new User("a@example.com", "A", 1),
                new User("b@example.com", "B", 2),
                new User("a@example.com", "duplicate", 3));
        assertThatThrownBy(() -> db.insertAll(users)).isInstanceOf(DuplicateKeyException.class);
        assertThat(db.sql("SELECT count(*) FROM users").one(Long.class)).isZero();
    }

    @Test
    void insertAllReturnsTheStoredEntitiesInInputOrder() {
        List<Note> stored = db.insertAll(List.of(Note.of("1"), Note.of("2"), Note.of("3")));
        assertThat(stored).extracting(Note::text).containsExactly("1", "2", "3");
        assertThat(stored).extracting(Note::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void operationsJoinTheCallersSpringTransactionAndRollBackWithIt() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            db.insert(new User("rolled@example.com", "Rolled", 1));
            assertThat(db.sql("SELECT count(*) FROM users").one(Long.class)).isEqualTo(1L);
            status.setRollbackOnly();
        });
        assertThat(db.sql("SELECT count(*) FROM users").one(Long.class)).isZero();
    }

    @Test
    void aSingleStatementOutsideATransactionRunsInAutocommit() {
        Long transactionId =
                db.sql("SELECT txid_current_if_assigned()").first(Long.class).orElse(null);
        assertThat(transactionId)
                .as("no transaction is opened around a single read")
                .isNull();
    }

    @Test
    void hostileValuesAreStoredAsDataNeverAsSql() {
        List<String> hostile = List.of(
                "Robert'); DROP TABLE users;--",
                "\" OR 1=1 --",
                "$$ SELECT 1 $$",
                "back\\slash \\' \\\\",
                "; DELETE FROM users",
                "/* comment */ :param ? ??");
        int i = 0;
        for (String value : hostile) {
            User user = db.insert(new User("h" + i++ + "@example.com", value, 1));
            assertThat(db.findById(User.class, user.id).orElseThrow().name).isEqualTo(value);
        }
        assertThat(db.sql("SELECT count(*) FROM users WHERE name = :name")
                        .param("name", hostile.get(0))
                        .one(Long.class))
                .isEqualTo(1L);
    }

    @Test
    void apiMisuseIsAnIllegalArgumentBeforeAnySqlIsSent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.update(new User("x@example.com", "X", 1)))
                .withMessage("Cannot update " + User.class.getName()
                        + ": its @Id 'id' is not set; insert it first, or use save()");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.findById(User.class, "7"))
                .withMessage("id of " + User.class.getName() + " must be a java.lang.Long but was a java.lang.String");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.insert(new Account(null, "x", BigDecimal.ONE)))
                .withMessageContaining("its @Id 'id' is not set; assign an id, or annotate it @GeneratedValue");
    }
}
