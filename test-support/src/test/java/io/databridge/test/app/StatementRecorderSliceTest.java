package io.databridge.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.test.DataBridgeTest;
import io.databridge.testdb.StatementRecorder;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code @DataBridgeTest} records the statements of the context: per block, per test and per transaction. */
@DataBridgeTest
class StatementRecorderSliceTest {

    @Autowired
    StatementRecorder statements;

    @Autowired
    DataSource dataSource;

    @Autowired
    NoteRepository notes;

    @Autowired
    DataBridge db;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        db.schema().create(Note.class);
        notes.insert(new Note(null, "first"));
    }

    @Test
    void theInjectedRecorderIsTheContextsDataSource() {
        assertThat(dataSource).isSameAs(statements);
    }

    @Test
    void aBlockReportsTheStatementsOfRepositoriesAndJdbcTemplateAlike() {
        statements
                .assertThat(() -> {
                    notes.findAll();
                    jdbc.queryForObject("SELECT count(*) FROM notes", Long.class);
                })
                .hasCount(2)
                .hasSelectCount(2)
                .containsExactlyShapes("SELECT ... FROM \"notes\" ...", "SELECT count(*) FROM notes");
    }

    @Test
    void recordedHoldsWhatTheTestMethodRanButNotItsSetUp() {
        assertThat(statements.recorded()).hasCount(0);
        notes.count();
        assertThat(statements.recorded()).hasCount(1);
    }

    @Test
    void theTestTransactionHoldsTheSetUpToo() {
        notes.count();

        assertThat(statements.currentTransaction())
                .hasInsertCount(1)
                .containsShapes("INSERT INTO \"notes\" ...", "SELECT count(*) FROM \"notes\"");
    }
}
