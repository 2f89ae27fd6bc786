package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.fixtures.Account;
import io.databridge.fixtures.Note;
import io.databridge.fixtures.Parcel;
import io.databridge.fixtures.Reading;
import io.databridge.fixtures.Stock;
import io.databridge.types.TypeCodecs;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code updateAll}, {@code deleteAll}, {@code deleteAllById} and {@code upsertAll} against PostgreSQL. */
@io.databridge.testdb.PostgresTest
class BulkWriteIntegrationTest {

    /** More than one chunk of 5,000 rows. */
    private static final int CHUNKED_ROWS = 7_000;

    private final DataSource dataSource;
    private final DataBridge db;

    BulkWriteIntegrationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DataBridge.builder(dataSource).sanitizeErrors(true).build();
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge.create(dataSource)
                .schema()
                .create(Parcel.class, Note.class, Account.class, Stock.class, Reading.class);
    }

    @BeforeEach
    void emptyTables() {
        db.sql("TRUNCATE parcel, note, account, stock, reading RESTART IDENTITY")
                .update();
    }

    private List<Parcel> storedParcels(int count) {
        List<Parcel> parcels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Parcel parcel = new Parcel("parcel-" + i);
            parcel.weight = i;
            parcels.add(parcel);
        }
        return new ArrayList<>(db.insertAll(parcels));
    }

    private List<Note> storedNotes(int count) {
        return new ArrayList<>(db.insertAll(
                IntStream.range(0, count).mapToObj(i -> Note.of("note-" + i)).toList()));
    }

    private List<Account> storedAccounts(int count) {
        return db.insertAll(IntStream.range(0, count)
                .mapToObj(i -> new Account(UUID.randomUUID(), "owner-" + i, new BigDecimal(i)))
                .toList());
    }

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).one(Long.class);
    }

    private List<String> noteTexts() {
        return db.sql("SELECT text FROM note ORDER BY id").list(String.class);
    }

    private static void assertSanitized(DataAccessException ex) {
        assertThat(ex.getMessage())
                .doesNotContainIgnoringCase("parcel")
                .doesNotContainIgnoringCase("note")
                .doesNotContain("version")
                .doesNotContain("text")
                .doesNotContain("changed");
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            assertThat(cause).isNotInstanceOf(SQLException.class);
        }
    }

    // updateAll

    @Test
    void updateAllReturnsEachStoredRowToTheEntityAtItsInputPositionWithTheVersionIncremented() {
        List<Parcel> parcels = storedParcels(50);
        Collections.reverse(parcels);
        for (int i = 0; i < parcels.size(); i++) {
            parcels.get(i).label = "updated-" + i;
        }
        List<Parcel> updated = db.updateAll(parcels);
        assertThat(updated).hasSize(50);
        for (int i = 0; i < updated.size(); i++) {
            assertThat(updated.get(i)).isSameAs(parcels.get(i));
            assertThat(updated.get(i).version).isEqualTo(1);
            Parcel stored = db.findById(Parcel.class, updated.get(i).id).orElseThrow();
            assertThat(stored.label).isEqualTo("updated-" + i);
            assertThat(stored.version).isEqualTo(1);
        }
    }

    @Test
    void updateAllOfRecordsReturnsNewInstancesInInputOrder() {
        List<Note> notes = storedNotes(3);
        List<Note> input = List.of(
                notes.get(2).withText("c"),
                notes.get(0).withText("a"),
                notes.get(1).withText("b"));
        List<Note> updated = db.updateAll(input);
        assertThat(updated)
                .containsExactly(
                        new Note(notes.get(2).id(), "c", 1),
                        new Note(notes.get(0).id(), "a", 1),
                        new Note(notes.get(1).id(), "b", 1));
        assertThat(noteTexts()).containsExactly("a", "b", "c");
    }

    @Test
    void updateAllSetsUpdatedAtAndLeavesCreatedAtAndNonUpdatableColumnsAsStored() {
        List<Stock> stocks = db.insertAll(List.of(new Stock("A-1", 1), new Stock("B-2", 2)));
        Instant createdAt = stocks.get(0).createdAt;
        db.sql(
                        "UPDATE stock SET created_at = created_at - interval '1 day', updated_at = updated_at - interval '1 day'")
                .update();
        Stock first = stocks.get(0);
        first.sku = "changed";
        first.quantity = 10;
        first.createdAt = Instant.EPOCH;
        List<Stock> updated = db.updateAll(stocks);
        assertThat(updated.get(0).sku).isEqualTo("A-1");
        assertThat(updated.get(0).quantity).isEqualTo(10);
        assertThat(updated.get(0).version).isEqualTo(1);
        assertThat(updated.get(0).createdAt).isEqualTo(createdAt.minus(1, ChronoUnit.DAYS));
        assertThat(updated.get(0).updatedAt).isAfter(updated.get(0).createdAt);
        assertThat(db.findById(Stock.class, first.id).orElseThrow().sku).isEqualTo("A-1");
    }

    @Test
    void updateAllCarriesJsonbArrayEnumTemporalAndNullValues() {
        List<Parcel> parcels = storedParcels(2);
        Parcel full = parcels.get(0);
        full.attributes = Map.of("fragile", true, "note", "🚚 \"x\"", "n", 3);
        full.tags = new ArrayList<>(java.util.Arrays.asList("a", "b,c", null, "ü"));
        full.size = Parcel.Size.LARGE;
        full.pgSize = Parcel.Size.SMALL;
        full.price = new BigDecimal("12345.6789");
        full.reference = UUID.randomUUID();
        full.shippedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        full.due = LocalDate.of(2030, 12, 31);
        full.photo = new byte[] {0, 1, (byte) 0xff};
        Parcel emptied = parcels.get(1);
        emptied.weight = null;
        db.updateAll(parcels);
        assertThat(db.findById(Parcel.class, full.id).orElseThrow())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(full);
        assertThat(db.findById(Parcel.class, emptied.id).orElseThrow().weight).isNull();

        full.attributes = null;
        full.tags = null;
        full.pgSize = null;
        db.updateAll(List.of(full));
        assertThat(db.findById(Parcel.class, full.id).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(full);
    }

    @Test
    void aStaleVersionInTheMiddleUpdatesNothingChangesNoEntityAndLeaksNothing() {
        List<Parcel> parcels = storedParcels(100);
        db.sql("UPDATE parcel SET version = version + 1 WHERE label = 'parcel-50'")
                .update();
        parcels.forEach(parcel -> parcel.label = parcel.label + "-changed");
        assertThatThrownBy(() -> db.updateAll(parcels))
                .isInstanceOfSatisfying(OptimisticLockingFailureException.class, ex -> {
                    assertThat(ex.getMessage())
                            .startsWith("Optimistic locking failure: the row was updated or deleted by another"
                                    + " transaction since it was read [error id ");
                    assertSanitized(ex);
                });
        assertThat(db.sql("SELECT count(*) FROM parcel WHERE label LIKE '%-changed'")
                        .one(Long.class))
                .isZero();
        assertThat(parcels).allSatisfy(parcel -> assertThat(parcel.version).isZero());
    }

    @Test
    void aMissingRowFailsVersionedEntitiesWithAnOptimisticLockingFailure() {
        List<Note> notes = storedNotes(3);
        db.deleteById(Note.class, notes.get(1).id());
        List<Note> changed = notes.stream().map(note -> note.withText("x")).toList();
        assertThatThrownBy(() -> db.updateAll(changed)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(noteTexts()).containsExactly("note-0", "note-2");
    }

    @Test
    void aMissingRowFailsUnversionedEntitiesWithIncorrectUpdateSemantics() {
        List<Account> accounts = new ArrayList<>(storedAccounts(2));
        accounts.add(1, new Account(UUID.randomUUID(), "nobody", BigDecimal.ONE));
        List<Account> changed = accounts.stream()
                .map(account -> new Account(account.id(), "new owner", account.balance()))
                .toList();
        assertThatThrownBy(() -> db.updateAll(changed))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class)
                .hasMessage("Cannot update io.databridge.fixtures.Account: 1 of 3 entities have no row with their"
                        + " id; insert them first, or use upsertAll()");
        assertThat(db.sql("SELECT count(*) FROM account WHERE owner = 'new owner'")
                        .one(Long.class))
                .isZero();
    }

    @Test
    void updateAllAcrossChunksUpdatesEveryRowInInputOrder() {
        List<Note> notes = storedNotes(CHUNKED_ROWS);
        Collections.reverse(notes);
        List<Note> updated = db.updateAll(
                notes.stream().map(note -> note.withText(note.text() + "!")).toList());
        assertThat(updated).hasSize(CHUNKED_ROWS);
        for (int i = 0; i < CHUNKED_ROWS; i++) {
            assertThat(updated.get(i).id()).isEqualTo(notes.get(i).id());
            assertThat(updated.get(i).text()).isEqualTo(notes.get(i).text() + "!");
            assertThat(updated.get(i).version()).isEqualTo(1);
        }
    }

    @Test
    void aStaleVersionInALaterChunkRollsBackTheEarlierChunks() {
        List<Note> notes = storedNotes(CHUNKED_ROWS);
        db.sql("UPDATE note SET version = 5 WHERE text = :text")
                .param("text", "note-" + (CHUNKED_ROWS - 3))
                .update();
        List<Note> changed =
                notes.stream().map(note -> note.withText("changed")).toList();
        assertThatThrownBy(() -> db.updateAll(changed)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(db.sql("SELECT count(*) FROM note WHERE text = 'changed'").one(Long.class))
                .isZero();
    }

    @Test
    void updateAllJoinsTheCallersTransactionAndRollsBackWithIt() {
        List<Note> notes = storedNotes(3);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            db.updateAll(
                    notes.stream().map(note -> note.withText("in transaction")).toList());
            assertThat(noteTexts()).containsOnly("in transaction");
            status.setRollbackOnly();
        });
        assertThat(noteTexts()).containsExactly("note-0", "note-1", "note-2");
    }

    @Test
    void updateAllRejectsDuplicateIdsNullsAndUnsetIdsBeforeAnySql() {
        List<Note> notes = storedNotes(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.updateAll(
                        List.of(notes.get(0), notes.get(1), notes.get(0).withText("again"))))
                .withMessage("Cannot update io.databridge.fixtures.Note: two entities of the call have the same @Id;"
                        + " pass each entity once");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.updateAll(List.of(notes.get(0), Note.of("new"))))
                .withMessage("Cannot update io.databridge.fixtures.Note: the @Id 'id' of an entity is not set; insert"
                        + " it first, or use save()");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.updateAll(null))
                .withMessage("entities must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.updateAll(java.util.Arrays.asList(notes.get(0), null)))
                .withMessage("entities must not contain null");
        assertThat(db.updateAll(List.of())).isEmpty();
        assertThat(noteTexts()).containsExactly("note-0", "note-1");
    }

    // deleteAll and deleteAllById

    @Test
    void deleteAllDeletesVersionedEntitiesByIdAndVersion() {
        List<Note> notes = storedNotes(5);
        db.deleteAll(List.of(notes.get(3), notes.get(0)));
        assertThat(noteTexts()).containsExactly("note-1", "note-2", "note-4");
    }

    @Test
    void aStaleVersionInTheMiddleDeletesNothingAndLeaksNothing() {
        List<Note> notes = storedNotes(5);
        db.sql("UPDATE note SET version = 1 WHERE text = 'note-2'").update();
        assertThatThrownBy(() -> db.deleteAll(notes))
                .isInstanceOfSatisfying(OptimisticLockingFailureException.class, ex -> assertSanitized(ex));
        assertThat(count("note")).isEqualTo(5);
    }

    @Test
    void aMissingVersionedRowDeletesNothing() {
        List<Note> notes = storedNotes(3);
        db.deleteById(Note.class, notes.get(2).id());
        assertThatThrownBy(() -> db.deleteAll(notes)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(count("note")).isEqualTo(2);
    }

    @Test
    void anEntityPassedTwiceIsDeletedOnceButTwoVersionsOfOneIdFail() {
        List<Note> notes = storedNotes(3);
        Note first = notes.get(0);
        Note staleTwin = new Note(first.id(), first.text(), first.version() + 1);
        assertThatThrownBy(() -> db.deleteAll(List.of(first, notes.get(1), staleTwin)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(count("note")).isEqualTo(3);
        db.deleteAll(List.of(first, notes.get(1), first));
        assertThat(noteTexts()).containsExactly("note-2");
    }

    @Test
    void deleteAllOfUnversionedEntitiesIgnoresMissingRows() {
        List<Account> accounts = storedAccounts(3);
        db.deleteAll(List.of(accounts.get(0), new Account(UUID.randomUUID(), "nobody", null), accounts.get(2)));
        assertThat(db.sql("SELECT owner FROM account").list(String.class)).containsExactly("owner-1");
    }

    @Test
    void deleteAllAcrossChunksDeletesEveryRowOrNone() {
        List<Note> notes = storedNotes(CHUNKED_ROWS);
        db.sql("UPDATE note SET version = 3 WHERE text = :text")
                .param("text", "note-" + (CHUNKED_ROWS - 1))
                .update();
        assertThatThrownBy(() -> db.deleteAll(notes)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(count("note")).isEqualTo(CHUNKED_ROWS);
        db.deleteAll(notes.subList(0, CHUNKED_ROWS - 1));
        assertThat(noteTexts()).containsExactly("note-" + (CHUNKED_ROWS - 1));
    }

    @Test
    void deleteAllJoinsTheCallersTransactionAndRollsBackWithIt() {
        List<Note> notes = storedNotes(3);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            db.deleteAll(notes);
            assertThat(db.deleteAllById(Account.class, List.of(UUID.randomUUID())))
                    .isZero();
            assertThat(count("note")).isZero();
            status.setRollbackOnly();
        });
        assertThat(count("note")).isEqualTo(3);
    }

    @Test
    void deleteAllByIdReturnsTheNumberOfDeletedRows() {
        List<Note> notes = storedNotes(4);
        assertThat(db.deleteAllById(
                        Note.class, List.of(notes.get(1).id(), notes.get(3).id(), 999_999L)))
                .isEqualTo(2);
        assertThat(noteTexts()).containsExactly("note-0", "note-2");
        List<Account> accounts = storedAccounts(3);
        assertThat(db.deleteAllById(
                        Account.class,
                        List.of(accounts.get(0).id(), accounts.get(2).id())))
                .isEqualTo(2);
        assertThat(count("account")).isEqualTo(1);
        assertThat(db.deleteAllById(Note.class, List.of())).isZero();
    }

    @Test
    void deleteAllByIdAcrossChunksDeletesEveryRow() {
        List<Note> notes = storedNotes(CHUNKED_ROWS);
        assertThat(db.deleteAllById(Note.class, notes.stream().map(Note::id).toList()))
                .isEqualTo(CHUNKED_ROWS);
        assertThat(count("note")).isZero();
    }

    @Test
    void deleteAllByIdRejectsIdsOfTheWrongTypeBeforeAnySql() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.deleteAllById(Note.class, List.of(1L, "2")))
                .withMessage("id of io.databridge.fixtures.Note must be a java.lang.Long but was a java.lang.String");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.deleteAllById(Note.class, null))
                .withMessage("ids must not be null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.deleteAll(null))
                .withMessage("entities must not be null");
    }

    // upsertAll

    @Test
    void upsertAllInsertsNewAndUpdatesStoredEntitiesInInputOrder() {
        List<Account> stored = storedAccounts(2);
        Account fresh = new Account(UUID.randomUUID(), "fresh", new BigDecimal("1.50"));
        Account changed = new Account(stored.get(1).id(), "changed", new BigDecimal("2.25"));
        List<Account> upserted = db.upsertAll(List.of(changed, fresh, stored.get(0)));
        assertThat(upserted).containsExactly(changed, fresh, stored.get(0));
        assertThat(db.findById(Account.class, changed.id())).contains(changed);
        assertThat(db.findById(Account.class, fresh.id())).contains(fresh);
        assertThat(count("account")).isEqualTo(3);
    }

    @Test
    void upsertAllAcrossChunksReturnsRowsInInputOrder() {
        List<Account> stored = storedAccounts(10);
        List<Account> input = new ArrayList<>();
        for (int i = 0; i < CHUNKED_ROWS; i++) {
            input.add(
                    i < 10
                            ? new Account(stored.get(i).id(), "again-" + i, new BigDecimal(i + ".25"))
                            : new Account(UUID.randomUUID(), "owner-" + i, new BigDecimal(i + ".50")));
        }
        Collections.reverse(input);
        assertThat(db.upsertAll(input)).containsExactlyElementsOf(input);
        assertThat(count("account")).isEqualTo(CHUNKED_ROWS);
        assertThat(db.findById(Account.class, stored.get(3).id()).orElseThrow().owner())
                .isEqualTo("again-3");
    }

    private List<Reading> readings(int count, String round) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Reading(i + 1, "sensor-" + i, i % 40 - 10, i % 2 == 0, i / 4.0 + round.length()))
                .toList();
    }

    @Test
    void upsertAllOfEntitiesStoredAsSentInsertsAndUpdatesAcrossChunksWithoutReadingBack() {
        db.insertAll(readings(10, ""));
        List<Reading> input = new ArrayList<>(readings(CHUNKED_ROWS, "again"));
        Collections.reverse(input);
        List<Reading> upserted = db.upsertAll(input);
        assertThat(upserted).containsExactlyElementsOf(input);
        assertThat(db.sql("SELECT * FROM reading ORDER BY id DESC").list(Reading.class))
                .containsExactlyElementsOf(input);
    }

    @Test
    void upsertAllOfEntitiesStoredAsSentIsAllOrNothingAndLeaksNothing() {
        db.insertAll(readings(10, ""));
        List<Reading> input = new ArrayList<>(readings(CHUNKED_ROWS, "again"));
        // Another row's sensor in the second chunk: a unique violation after the first chunk was written.
        input.set(CHUNKED_ROWS - 3, new Reading(CHUNKED_ROWS - 2, "sensor-1", 0, true, 0));
        assertThatThrownBy(() -> db.upsertAll(input))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(ex ->
                        assertThat(ex.getMessage()).doesNotContain("reading").doesNotContain("sensor"));
        assertThat(db.sql("SELECT * FROM reading ORDER BY id").list(Reading.class))
                .containsExactlyElementsOf(readings(10, ""));
    }

    @Test
    void upsertAllJoinsTheCallersTransactionAndRollsBackWithIt() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> {
            db.upsertAll(List.of(new Account(UUID.randomUUID(), "a", BigDecimal.ONE)));
            assertThat(count("account")).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(count("account")).isZero();
    }

    @Test
    void upsertAllRejectsGeneratedIdsVersionsAndDuplicateIdsBeforeAnySql() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.upsertAll(List.of(Note.of("x"))))
                .withMessage("Cannot upsert io.databridge.fixtures.Note: upsertAll takes entities with an assigned @Id"
                        + " and no @Version; use insertAll for new entities and updateAll for stored ones");
        UUID id = UUID.randomUUID();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> db.upsertAll(
                        List.of(new Account(id, "a", BigDecimal.ONE), new Account(id, "b", BigDecimal.TEN))))
                .withMessage("Cannot upsert io.databridge.fixtures.Account: two entities of the call have the same"
                        + " @Id; pass each entity once");
        assertThat(db.upsertAll(List.of())).isEmpty();
        assertThat(count("account")).isZero();
    }

    // fallback

    @Test
    void valuesNoArrayCanCarryAreUpdatedAndDeletedRowByRowAllOrNothing() {
        TypeCodecs codecs = TypeCodecs.builder()
                .register(
                        BulkInsertIntegrationTest.Stamp.class,
                        new BulkInsertIntegrationTest.SimpleCodec<>(
                                "timestamp",
                                (s, i, v) -> s.setTimestamp(i, v.at()),
                                (r, i) -> new BulkInsertIntegrationTest.Stamp(r.getTimestamp(i))))
                .register(
                        BulkInsertIntegrationTest.Money.class,
                        new BulkInsertIntegrationTest.SimpleCodec<>(
                                "numeric(19, 4)",
                                (s, i, v) -> s.setBigDecimal(i, v.amount()),
                                (r, i) -> new BulkInsertIntegrationTest.Money(r.getBigDecimal(i))))
                .build();
        DataBridge custom = DataBridge.builder(dataSource).codecs(codecs).build();
        custom.schema().create(BulkInsertIntegrationTest.Ledger.class);
        BulkInsertIntegrationTest.Stamp at =
                new BulkInsertIntegrationTest.Stamp(java.sql.Timestamp.valueOf("2030-01-02 03:04:05"));
        BulkInsertIntegrationTest.Stamp later =
                new BulkInsertIntegrationTest.Stamp(java.sql.Timestamp.valueOf("2031-01-02 03:04:05"));
        List<BulkInsertIntegrationTest.Ledger> stored = custom.insertAll(List.of(
                new BulkInsertIntegrationTest.Ledger(null, null, at),
                new BulkInsertIntegrationTest.Ledger(null, null, at)));
        List<BulkInsertIntegrationTest.Ledger> changed = stored.stream()
                .map(ledger -> new BulkInsertIntegrationTest.Ledger(ledger.id(), null, later))
                .toList();

        assertThat(custom.updateAll(changed)).containsExactlyElementsOf(changed);

        List<BulkInsertIntegrationTest.Ledger> withMissing = List.of(
                new BulkInsertIntegrationTest.Ledger(stored.get(0).id(), null, at),
                new BulkInsertIntegrationTest.Ledger(999_999L, null, at));
        assertThatThrownBy(() -> custom.updateAll(withMissing))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class);
        assertThat(custom.findById(
                        BulkInsertIntegrationTest.Ledger.class, stored.get(0).id()))
                .contains(changed.get(0));

        custom.deleteAll(changed);
        assertThat(count("ledger")).isZero();
    }
}
