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
                assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(120000);
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedPostgresServer.USERNAME, ""))
                .isInstanceOf(SQLException.class);
    }
}
