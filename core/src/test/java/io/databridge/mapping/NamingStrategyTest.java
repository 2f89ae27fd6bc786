package io.databridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingStrategyTest {

    @ParameterizedTest
    @CsvSource({
        "name, name",
        "createdAt, created_at",
        "OrderLine, order_line",
        "userID, user_id",
        "HTTPServer, http_server",
        "address2, address2",
        "address2Line, address2_line",
        "already_snake, already_snake"
    })
    void convertsJavaNamesToSnakeCase(String java, String sql) {
        assertThat(NamingStrategy.snakeCase(java)).isEqualTo(sql);
    }
}
