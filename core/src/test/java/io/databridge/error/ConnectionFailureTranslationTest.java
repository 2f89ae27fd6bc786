package io.databridge.error;

import static io.databridge.error.Failures.assertSanitized;
import static io.databridge.error.Failures.errorId;
import static io.databridge.error.Failures.springType;
import static io.databridge.error.Statements.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.databridge.testdb.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Failures to connect, and connections lost, against a real PostgreSQL and a closed port. */
class ConnectionFailureTranslationTest {

    private static final String CONNECTION_FAILURE =
            "Connection failure: cannot connect to the database or the connection was lost";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final PgExceptionTranslator sanitizing = new PgExceptionTranslator(true);

    @Test
    void closedPortIsASanitizedResourceFailureNamingNeitherHostPortUserNorDatabase() throws IOException {
        int port = closedPort();

        DataAccessException translated = sanitizing.translateConnectionFailure(
                connectionFailure("jdbc:postgresql://127.0.0.1:" + port + "/vault_db", "vault_user"));

        assertThat(springType(translated)).isEqualTo(DataAccessResourceFailureException.class);
        assertSanitized(translated, CONNECTION_FAILURE, "127.0.0.1", ":" + port, "vault_user", "vault_db");
        assertThat(log.textFor(errorId(translated)))
                .contains("task: obtain a JDBC connection", "SQLSTATE: 08001", "127.0.0.1:" + port);
    }

    @Test
    void unsanitizedClosedPortNamesTheAddressAndKeepsTheDriverException() throws IOException {
        int port = closedPort();

        DataAccessException translated = new PgExceptionTranslator(false)
                .translateConnectionFailure(
                        connectionFailure("jdbc:postgresql://127.0.0.1:" + port + "/vault_db", "vault_user"));

        assertThat(translated.getMessage()).contains("SQLSTATE: 08001", "127.0.0.1:" + port);
        assertThat(translated.getCause()).isInstanceOf(PSQLException.class);
    }

    @Test
    void unknownDatabaseIsASanitizedResourceFailureNamingNeitherDatabaseNorUser() {
        TestDatabase database = TestDatabase.get();
        String url = database.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1vault_no_such_db");

        DataAccessException translated =
                sanitizing.translateConnectionFailure(connectionFailure(url, database.username()));

        assertThat(springType(translated)).isEqualTo(DataAccessResourceFailureException.class);
        assertSanitized(
                translated,
                "Unknown database: the database named in the connection URL does not exist",
                "vault_no_such_db",
                database.username());
        assertThat(log.textFor(errorId(translated)))
                .contains("SQLSTATE: 3D000", "database \"vault_no_such_db\" does not exist");
    }

    @Test
    void connectionTerminatedByTheServerIsASanitizedResourceFailure() throws SQLException {
        DataAccessException translated;
        try (Connection victim = TestDatabase.get().connect();
                Connection administrator = TestDatabase.get().connect()) {
            int pid;
            try (Statement statement = victim.createStatement();
                    ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
                rows.next();
                pid = rows.getInt(1);
            }
            try (Statement statement = administrator.createStatement()) {
                statement.execute("select pg_terminate_backend(" + pid + ")");
            }
            translated = sanitizing.translate("vault test", "select 1", failureOf(victim, "select 1"));
        }

        // 57P01 when the driver reads the server's farewell, 08006 when it only sees the socket close.
        assertThat(springType(translated)).isEqualTo(DataAccessResourceFailureException.class);
        assertThat(translated.getCause()).isNull();
    }

    private static CannotGetJdbcConnectionException connectionFailure(String url, String user) {
        DataSource dataSource = new SimpleDriverDataSource(new Driver(), url, user, "vault_password");
        CannotGetJdbcConnectionException failure = catchThrowableOfType(
                CannotGetJdbcConnectionException.class, () -> DataSourceUtils.getConnection(dataSource));
        assertThat(failure).as("connecting to %s must fail", url).isNotNull();
        return failure;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
