package io.databridge.testdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Statement counts and shapes per block, per test and per transaction, on a real PostgreSQL. */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementRecorderTest {

    private static final String SELECT = "SELECT name FROM item WHERE id = ?";

    private final StatementRecorder statements;

    StatementRecorderTest(StatementRecorder statements) {
        this.statements = statements;
    }

    @BeforeAll
    static void table(TestSchema schema) {
        schema.execute(
                "CREATE TABLE item (id int PRIMARY KEY, name text)", "INSERT INTO item VALUES (1, 'a'), (2, 'b')");
    }

    private void select(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setInt(1, id);
            statement.executeQuery().close();
        }
    }

    private void selectTwice() throws SQLException {
        try (Connection connection = statements.getConnection()) {
            select(connection, 1);
            select(connection, 2);
        }
    }

    @Test
    @Order(1)
    void aBlockReportsTheStatementsItRan() {
        RecordedStatements ran = statements.record(this::selectTwice);

        assertThat(ran.sql()).containsExactly(SELECT, SELECT);
        assertThat(ran).hasCount(2).hasSelectCount(2).hasInsertCount(0).containsShapes("SELECT ... FROM item ...");
    }

    @Test
    @Order(2)
    void eachTestStartsWithNothingRecorded() {
        assertThat(statements.recorded()).hasCount(0);
    }

    @Test
    void aWrongCountFailsListingTheStatementsThatRan() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> statements.assertThat(this::selectTwice).hasCount(1))
                .withMessage("Expected 1 statements but 2 ran:%n  1. %s%n  2. %s", SELECT, SELECT);
    }

    @Test
    void aRepeatedStatementFailsTheNPlusOneGuard() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> statements.assertThat(this::selectTwice).hasNoRepeatedStatements())
                .withMessageContaining(
                        String.format("Expected no statement to run more than once, but%n  2 times: %s", SELECT));
    }

    @Test
    void shapesMatchWithEllipsesAndAnyWhitespace() {
        assertThat(StatementsAssert.matches("SELECT ... FROM item WHERE ...", SELECT))
                .isTrue();
        assertThat(StatementsAssert.matches("SELECT name\n  FROM item WHERE id = ?", SELECT))
                .isTrue();
        assertThat(StatementsAssert.matches("SELECT ... FROM other ...", SELECT))
                .isFalse();
        assertThat(StatementsAssert.matches("SELECT ... FROM item", SELECT)).isFalse();
        assertThat(StatementsAssert.matches("... id = ?", SELECT)).isTrue();
        statements.assertThat(this::selectTwice).containsExactlyShapes("SELECT ... = ?", "SELECT name FROM ...");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> statements.assertThat(this::selectTwice).containsExactlyShapes("SELECT ..."))
                .withMessageContaining("Expected 1 statements of the given shapes but 2 ran");
    }

    @Test
    void theCurrentTransactionHoldsTheStatementsSinceItBeganOrLastCommitted() throws SQLException {
        try (Connection connection = statements.getConnection()) {
            select(connection, 1);
            connection.setAutoCommit(false);
            select(connection, 1);
            select(connection, 2);
            assertThat(statements.currentTransaction()).hasCount(2);
            connection.commit();
            select(connection, 2);
            assertThat(statements.currentTransaction().sql()).containsExactly(SELECT);
            connection.setAutoCommit(true);
            assertThatIllegalStateException()
                    .isThrownBy(statements::currentTransaction)
                    .withMessageStartingWith("No transaction runs on this thread on a connection of this data source");
        }
        assertThat(statements.recorded()).hasCount(4);
    }

    @Test
    void aResetKeepsTheStatementsOfAnOpenTransaction() throws SQLException {
        try (Connection connection = statements.getConnection()) {
            connection.setAutoCommit(false);
            select(connection, 1);
            statements.reset();
            select(connection, 2);
            assertThat(statements.recorded()).hasCount(1);
            assertThat(statements.currentTransaction()).hasCount(2);
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void plainStatementsAreRecordedToo() throws SQLException {
        RecordedStatements ran = statements.record(() -> {
            try (Connection connection = statements.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("UPDATE item SET name = name");
            }
        });

        assertThat(ran).hasUpdateCount(1);
    }

    @Test
    void aCheckedExceptionOfTheBlockIsWrapped() {
        assertThatIllegalStateException()
                .isThrownBy(() -> statements.record(() -> {
                    throw new SQLException("boom");
                }))
                .withMessage("The recorded block threw java.sql.SQLException")
                .withCauseInstanceOf(SQLException.class);
    }
}
