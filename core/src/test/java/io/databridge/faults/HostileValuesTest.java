package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databridge.DataBridge;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.fixtures.Account;
import io.databridge.testdb.PostgresTest;
import io.databridge.testdb.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/** Values PostgreSQL cannot take unchanged are refused before any SQL, with a message that names no value. */
@PostgresTest
class HostileValuesTest {

    /** "vault" followed by a high surrogate with no low one after it. */
    private static final String LONE_SURROGATE = "vault\uD83D-secret";

    @RegisterExtension
    final LogCapture log = new LogCapture();

    private final DataBridge db;

    HostileValuesTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(Account.class);
    }

    @BeforeEach
    void emptyTable() {
        db.sql("TRUNCATE account").update();
    }

    private static Account account(String owner) {
        return new Account(UUID.randomUUID(), owner, BigDecimal.ONE);
    }

    private void assertRefused(Throwable thrown) {
        assertThat(thrown)
                .isInstanceOfAny(IllegalArgumentException.class, InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("lone UTF-16 surrogate")
                .hasMessageNotContaining("vault")
                .hasMessageNotContaining("secret");
        assertThat(db.sql("SELECT count(*) FROM account").one(Long.class)).isZero();
        assertThat(log.lines()).noneMatch(line -> line.contains("secret"));
    }

    @Test
    void aLoneSurrogateIsRefusedByInsert() {
        assertRefused(catchThrowable(() -> db.insert(account(LONE_SURROGATE))));
    }

    @Test
    void aLoneSurrogateIsRefusedByTheCopyPathOfInsertAll() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            accounts.add(account(i == 5_500 ? LONE_SURROGATE : "owner " + i));
        }
        assertRefused(catchThrowable(() -> db.insertAll(accounts)));
    }

    @Test
    void aLoneSurrogateIsRefusedByTheArrayPathOfInsertAll() {
        assertRefused(catchThrowable(() -> db.insertAll(List.of(account("fine"), account(LONE_SURROGATE)))));
    }

    @Test
    void aLoneSurrogateIsRefusedAsARawSqlParameter() {
        assertRefused(catchThrowable(() -> db.sql("INSERT INTO account VALUES (gen_random_uuid(), :owner, 1)")
                .param("owner", LONE_SURROGATE)
                .update()));
    }

    @Test
    void aLowSurrogateFirstIsRefusedAndAPairIsStored() {
        assertRefused(catchThrowable(() -> db.insert(account("\uDE00vault"))));
        Account emoji = db.insert(account("smile \uD83D\uDE00"));
        assertThat(db.findById(Account.class, emoji.id()).orElseThrow().owner()).isEqualTo("smile \uD83D\uDE00");
    }

    @Test
    void rawSqlWithMoreThan65535ParametersSaysSoAndSuggestsAnArray() {
        StringBuilder sql = new StringBuilder("SELECT 1 WHERE 1 IN (");
        for (int i = 0; i < 70_000; i++) {
            sql.append(i == 0 ? "" : ", ").append(":p").append(i);
        }
        String text = sql.append(')').toString();

        assertThatThrownBy(() -> db.sql(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQL has 70000 parameter placeholders but PostgreSQL binds at most 65,535 per statement;"
                        + " pass the values as one list parameter, which binds as a single array"
                        + " (WHERE id = ANY(:ids)), or split the statement");
    }

    @Test
    void theDriversRefusalOfMoreThan65535ParametersTranslatesToAMessageThatSuggestsAnArray() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT 1 WHERE 1 IN (");
        for (int i = 0; i < 70_000; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        Throwable failure;
        try (Connection connection = TestDatabase.get().connect()) {
            failure = catchThrowable(
                    () -> connection.prepareStatement(sql.append(')').toString()));
        }
        assertThat(failure).isInstanceOf(SQLException.class);

        DataAccessException translated =
                new PgExceptionTranslator(true).translate("raw", "SELECT ...", (SQLException) failure);

        assertThat(translated)
                .isInstanceOf(InvalidDataAccessResourceUsageException.class)
                .hasMessageStartingWith("Too many parameters: a statement can bind at most 65,535 values; bind a list"
                        + " as one array parameter (column = ANY(:list)) or split the statement");
    }
}
