package io.databridge.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.testdb.PostgresTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

/** The repository's {@code saveAll} and {@code deleteAll} on the bulk paths. */
@PostgresTest
class BulkRepositoryIntegrationTest {

    public interface AccountRepository extends PgRepository<Account, UUID> {}

    public interface NoteRepository extends PgRepository<Note, Long> {}

    private final DataBridge db;
    private final AccountRepository accounts;
    private final NoteRepository notes;

    BulkRepositoryIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
        PgRepositoryFactory factory = new PgRepositoryFactory(db);
        this.accounts = factory.create(AccountRepository.class);
        this.notes = factory.create(NoteRepository.class);
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Account.class, Note.class);
    }

    @BeforeEach
    void emptyTables() {
        db.sql("TRUNCATE account, note RESTART IDENTITY").update();
    }

    @Test
    void saveAllOfAssignedIdsWithoutVersionUpsertsInInputOrder() {
        Account stored = accounts.insert(new Account(UUID.randomUUID(), "old", new BigDecimal("1.00")));
        Account changed = new Account(stored.id(), "new", new BigDecimal("2.00"));
        Account fresh = new Account(UUID.randomUUID(), "fresh", new BigDecimal("3.00"));
        assertThat(accounts.saveAll(List.of(fresh, changed))).containsExactly(fresh, changed);
        assertThat(accounts.findAll()).containsExactlyInAnyOrder(fresh, changed);
    }

    @Test
    void saveAllWithAnIdGivenTwiceKeepsTheLastOne() {
        UUID id = UUID.randomUUID();
        accounts.saveAll(List.of(
                new Account(id, "first", new BigDecimal("1.00")), new Account(id, "last", new BigDecimal("2.00"))));
        assertThat(accounts.findById(id).orElseThrow().owner()).isEqualTo("last");
    }

    @Test
    void deleteAllOfVersionedEntitiesDeletesAllOrNothing() {
        List<Note> stored = notes.insertAll(List.of(Note.of("a"), Note.of("b"), Note.of("c")));
        notes.update(stored.get(1).withText("b2"));
        assertThatThrownBy(() -> notes.deleteAll(stored)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(notes.count()).isEqualTo(3);
        notes.deleteAll(List.of(stored.get(0), stored.get(2)));
        assertThat(notes.findAll()).extracting(Note::text).containsExactly("b2");
    }
}
