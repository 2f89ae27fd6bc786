package io.databridge.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which SQL a replica may serve outside a transaction: reads only, erring towards the primary. */
class ReadStatementsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT \"id\", \"name\" FROM \"users\" WHERE \"id\" = ?",
                "select count(*) from (SELECT 1) AS \"q\"",
                "  -- comment\n/* block */ (SELECT 1) UNION (SELECT 2)",
                "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent",
                "TABLE users",
                "VALUES (1), (2)",
                "SELECT \"updated_at\", \"last_update\" FROM \"users\"",
                "SELECT pg_is_in_recovery()"
            })
    void readsAreReads(String sql) {
        assertThat(ReadStatements.isRead(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "INSERT INTO users VALUES (1)",
                "UPDATE users SET name = ?",
                "DELETE FROM users",
                "MERGE INTO users USING x ON true WHEN MATCHED THEN DO NOTHING",
                "WITH gone AS (DELETE FROM users RETURNING *) SELECT * FROM gone",
                "SELECT * FROM users WHERE id = ? FOR UPDATE",
                "SELECT * FROM users FOR NO KEY UPDATE SKIP LOCKED",
                "select * from users for share",
                "SELECT * INTO copy FROM users",
                "SELECT nextval('user_ids')",
                "SELECT setval('user_ids', 10)",
                "SELECT pg_advisory_xact_lock(1)",
                "SELECT txid_current()",
                "SELECT pg_current_xact_id()",
                "CALL refresh()",
                "CREATE TABLE t (id int)",
                "COPY users FROM STDIN",
                "SET search_path = x",
                "",
                "-- only a comment"
            })
    void everythingElseIsAWrite(String sql) {
        assertThat(ReadStatements.isRead(sql)).isFalse();
    }
}
