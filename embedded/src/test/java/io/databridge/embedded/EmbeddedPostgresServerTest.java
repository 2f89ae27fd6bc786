package io.databridge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void startsARealServerThatAnswersQueriesAndStopsOnClose() throws SQLException {
        String url;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            url = server.jdbcUrl();
            assertThat(url).startsWith("jdbc:postgresql://localhost:").endsWith("/postgres");
            try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, "");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select current_setting('server_version_num')::int")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1) / 10000)
                        .as("one PostgreSQL major version for the embedded server and the test container")
                        .isEqualTo(EmbeddedPostgresServer.postgresMajorVersion())
                        .isEqualTo(17);
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, ""))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theSharedServerIsOnePerJvmAndOutlivesClose() throws SQLException {
        EmbeddedPostgresServer shared = EmbeddedPostgresServer.shared();
        assertThat(EmbeddedPostgresServer.shared()).isSameAs(shared);
        assertThat(shared.isShared()).isTrue();
        shared.close();
        try (Connection connection =
                DriverManager.getConnection(shared.jdbcUrl(), EmbeddedPostgresServer.USERNAME, "")) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }
}
