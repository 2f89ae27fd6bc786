package io.databridge.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresSchemaExtensionTest {

    @Test
    void connectionsWorkInTheClassSchema(TestSchema schema, DataSource dataSource) throws SQLException {
        schema.execute("create table probe (id int primary key)", "insert into probe values (1)");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_schema(), (select count(*) from probe)")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(schema.name()).startsWith("t_postgresschemaextensiontest_");
            assertThat(rows.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void theDatabaseSourceIsOneOfTheDocumentedOnes() {
        assertThat(TestDatabase.get().source()).isIn("url", "local", "testcontainers", "embedded");
    }
}
