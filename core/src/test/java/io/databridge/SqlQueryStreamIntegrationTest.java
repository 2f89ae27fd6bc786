package io.databridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.databridge.testdb.PostgresTest;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PostgresTest
class SqlQueryStreamIntegrationTest {

    private final DataBridge db;
    private final TransactionTemplate transactions;

    SqlQueryStreamIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.builder(dataSource).sanitizeErrors(true).build();
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @Test
    void streamsEveryRowInsideATransaction() {
        List<Integer> firstThree = transactions.execute(status -> {
            try (Stream<Integer> rows =
                    db.sql("SELECT g FROM generate_series(1, :n) AS g ORDER BY g").param("n", 1000).stream(
                            Integer.class)) {
                return rows.limit(3).toList();
            }
        });
        assertThat(firstThree).containsExactly(1, 2, 3);
    }

    @Test
    void streamsOutsideATransactionAndReleasesTheConnectionOnClose() {
        for (int i = 0; i < 50; i++) {
            try (Stream<Long> rows = db.sql("SELECT count(*) FROM generate_series(1, 10)").stream(Long.class)) {
                assertThat(rows.toList()).containsExactly(10L);
            }
        }
    }

    @Test
    void failuresAreTranslated() {
        assertThatThrownBy(() -> db.sql("SELECT * FROM no_such_table").stream(Long.class))
                .isInstanceOf(DataAccessException.class)
                .hasMessageStartingWith("Bad SQL grammar");
    }
}
