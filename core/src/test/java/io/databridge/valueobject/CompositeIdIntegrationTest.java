package io.databridge.valueobject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.DataBridge;
import io.databridge.repository.PgRepositoryFactory;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.StatementRecorder;
import io.databridge.valueobject.Enrollment.EnrollmentKey;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

@PostgresTest
class CompositeIdIntegrationTest {

    private static final String LINE_COLUMNS = "\"invoice_id\", \"line_no\", \"product\", \"quantity\"";

    private final StatementRecorder recorded;
    private final DataBridge db;
    private final InvoiceLineRepository lines;

    CompositeIdIntegrationTest(DataSource dataSource) {
        this.recorded = StatementRecorder.wrap(dataSource);
        this.db = DataBridge.builder(recorded).sanitizeErrors(false).build();
        this.lines = new PgRepositoryFactory(db).create(InvoiceLineRepository.class);
    }

    @BeforeAll
    static void createTables(DataSource dataSource) {
        DataBridge db = DataBridge.create(dataSource);
        db.sql("DROP TABLE IF EXISTS invoice_lines, enrollments").update();
        db.schema().create(InvoiceLine.class, Enrollment.class);
    }

    @BeforeEach
    void empty() {
        db.sql("TRUNCATE invoice_lines, enrollments").update();
        recorded.take();
    }

    @Test
    void theTableHasOneColumnPerComponentAndATwoColumnPrimaryKey() {
        assertThat(db.schema().createStatements(InvoiceLine.class))
                .containsExactly("CREATE TABLE IF NOT EXISTS \"invoice_lines\" (\"invoice_id\" bigint,"
                        + " \"line_no\" integer, \"product\" text, \"quantity\" integer NOT NULL, PRIMARY KEY"
                        + " (\"invoice_id\", \"line_no\"))");
        assertThat(db.schema().createStatements(Enrollment.class))
                .containsExactly("CREATE TABLE IF NOT EXISTS \"enrollments\" (\"student_id\" bigint,"
                        + " \"course_id\" bigint, \"grade\" text, \"version\" integer NOT NULL DEFAULT 0,"
                        + " PRIMARY KEY (\"student_id\", \"course_id\"))");
    }

    @Test
    void insertFindByIdUpdateAndDeleteAddressTheRowByEveryColumnOfTheKey() {
        db.insert(new InvoiceLine(7, 1, "pen", 2));
        db.insert(new InvoiceLine(7, 2, "ink", 1));
        recorded.take();

        InvoiceLine found =
                db.findById(InvoiceLine.class, new InvoiceLineId(7, 2)).orElseThrow();
        assertThat(found.product).isEqualTo("ink");
        assertThat(found.id).isEqualTo(new InvoiceLineId(7, 2));
        found.quantity = 5;
        db.update(found);
        db.delete(db.findById(InvoiceLine.class, new InvoiceLineId(7, 1)).orElseThrow());

        assertThat(recorded.take())
                .containsExactly(
                        "SELECT " + LINE_COLUMNS
                                + " FROM \"invoice_lines\" WHERE \"invoice_id\" = ? AND \"line_no\" = ?",
                        "UPDATE \"invoice_lines\" SET \"product\" = ?, \"quantity\" = ? WHERE \"invoice_id\" = ? AND"
                                + " \"line_no\" = ? RETURNING " + LINE_COLUMNS,
                        "SELECT " + LINE_COLUMNS
                                + " FROM \"invoice_lines\" WHERE \"invoice_id\" = ? AND \"line_no\" = ?",
                        "DELETE FROM \"invoice_lines\" WHERE \"invoice_id\" = ? AND \"line_no\" = ?");
        assertThat(db.sql("SELECT line_no || ':' || quantity FROM invoice_lines")
                        .list(String.class))
                .containsExactly("2:5");
        assertThat(db.deleteById(InvoiceLine.class, new InvoiceLineId(7, 2))).isTrue();
        assertThat(db.findById(InvoiceLine.class, new InvoiceLineId(7, 2))).isEmpty();
    }

    @Test
    void updatingARowThatDoesNotExistFails() {
        assertThatThrownBy(() -> db.update(new InvoiceLine(1, 1, "pen", 1)))
                .isInstanceOf(IncorrectUpdateSemanticsDataAccessException.class)
                .hasMessageContaining("no row has its id");
    }

    @Test
    void saveUpsertsAnEntityWithoutVersionOnTheWholeKey() {
        db.save(new InvoiceLine(3, 1, "pen", 1));
        recorded.take();
        db.save(new InvoiceLine(3, 1, "pen", 4));

        assertThat(recorded.take())
                .containsExactly("INSERT INTO \"invoice_lines\" (" + LINE_COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT"
                        + " (\"invoice_id\", \"line_no\") DO UPDATE SET \"product\" = EXCLUDED.\"product\", \"quantity\""
                        + " = EXCLUDED.\"quantity\" RETURNING " + LINE_COLUMNS);
        assertThat(db.findById(InvoiceLine.class, new InvoiceLineId(3, 1)).orElseThrow().quantity)
                .isEqualTo(4);
    }

    @Test
    void aJoinTableWithPayloadTellsNewFromStoredByItsVersion() {
        EnrollmentKey key = new EnrollmentKey(10, 20);
        Enrollment stored = db.save(new Enrollment(key, "B", null));
        assertThat(stored.version()).isZero();

        Enrollment regraded = db.save(new Enrollment(key, "A", stored.version()));

        assertThat(regraded.version()).isEqualTo(1);
        assertThat(db.findById(Enrollment.class, key).orElseThrow().grade()).isEqualTo("A");
        assertThatThrownBy(() -> db.save(new Enrollment(key, "C", 0)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> db.delete(new Enrollment(key, "A", 0)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(db.from(Enrollment.class)
                        .where(Enrollment_.id.studentId.eq(10L))
                        .list())
                .extracting(Enrollment::grade)
                .containsExactly("A");
        db.delete(regraded);
        assertThat(db.findById(Enrollment.class, key)).isEmpty();
    }

    @Test
    void insertAllUpsertAllUpdateAllAndDeleteAllWorkOnCompositeKeys() {
        List<Enrollment> stored = db.insertAll(List.of(
                new Enrollment(new EnrollmentKey(1, 1), "A", null),
                new Enrollment(new EnrollmentKey(1, 2), "B", null),
                new Enrollment(new EnrollmentKey(2, 1), "C", null)));
        assertThat(stored).extracting(Enrollment::version).containsExactly(0, 0, 0);

        List<Enrollment> updated = db.updateAll(List.of(
                new Enrollment(new EnrollmentKey(1, 2), "B+", 0), new Enrollment(new EnrollmentKey(2, 1), "C+", 0)));
        assertThat(updated).extracting(Enrollment::version).containsExactly(1, 1);
        db.upsertAll(List.of(new InvoiceLine(1, 1, "a", 1), new InvoiceLine(1, 2, "b", 1)));
        db.upsertAll(List.of(new InvoiceLine(1, 2, "b", 9)));
        assertThat(db.findById(InvoiceLine.class, new InvoiceLineId(1, 2)).orElseThrow().quantity)
                .isEqualTo(9);

        db.deleteAll(updated);
        assertThat(db.deleteAllById(InvoiceLine.class, List.of(new InvoiceLineId(1, 1), new InvoiceLineId(9, 9))))
                .isEqualTo(1);
        assertThat(db.from(Enrollment.class).list())
                .extracting(Enrollment::id)
                .containsExactly(new EnrollmentKey(1, 1));
    }

    @Test
    void findAllByIdReadsEveryKeyInOneStatement() {
        lines.insertAll(
                List.of(new InvoiceLine(1, 1, "a", 1), new InvoiceLine(1, 2, "b", 1), new InvoiceLine(2, 1, "c", 1)));
        recorded.take();

        List<InvoiceLine> found =
                lines.findAllById(List.of(new InvoiceLineId(2, 1), new InvoiceLineId(1, 2), new InvoiceLineId(5, 5)));

        assertThat(found).extracting(line -> line.product).containsExactly("b", "c");
        assertThat(recorded.take())
                .containsExactly(
                        "SELECT " + LINE_COLUMNS + " FROM \"invoice_lines\" WHERE (\"invoice_id\", \"line_no\")"
                                + " IN (SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS integer[]))) ORDER BY \"invoice_id\","
                                + " \"line_no\"");
        assertThat(lines.existsById(new InvoiceLineId(1, 1))).isTrue();
        assertThat(lines.existsById(new InvoiceLineId(1, 3))).isFalse();
        lines.deleteAllById(List.of(new InvoiceLineId(1, 1), new InvoiceLineId(2, 1)));
        assertThat(lines.findAll()).extracting(line -> line.id).containsExactly(new InvoiceLineId(1, 2));
    }

    @Test
    void repositoriesPageAndDeriveQueriesOverTheKeysComponents() {
        for (int line = 1; line <= 5; line++) {
            lines.save(new InvoiceLine(line % 2, line, "p" + line, line));
        }
        recorded.take();

        Page<InvoiceLine> page = lines.findAll(PageRequest.of(1, 2));

        assertThat(page.getContent())
                .extracting(line -> line.id)
                .containsExactly(new InvoiceLineId(1, 1), new InvoiceLineId(1, 3));
        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(recorded.take().get(0))
                .isEqualTo("SELECT " + LINE_COLUMNS + " FROM \"invoice_lines\" ORDER BY \"invoice_id\", \"line_no\""
                        + " LIMIT ? OFFSET ?");
        assertThat(lines.findByIdInvoiceIdOrderByIdLineNo(1))
                .extracting(line -> line.id.lineNo())
                .containsExactly(1, 3, 5);
        assertThat(lines.findById(new InvoiceLineId(0, 4)).orElseThrow().product)
                .isEqualTo("p4");
        assertThat(lines.count()).isEqualTo(5);
    }

    @Test
    void anIdOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> db.findById(InvoiceLine.class, 7L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "id of io.databridge.valueobject.InvoiceLine must be a io.databridge.valueobject.InvoiceLineId"
                                + " but was a java.lang.Long");
    }
}
