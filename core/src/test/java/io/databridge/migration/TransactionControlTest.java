package io.databridge.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements of a migration script control the transaction the script runs in. */
class TransactionControlTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE a (id int);\nCOMMIT;\nSELECT 1/0;",
                "create table a (id int); commit",
                "BEGIN; CREATE TABLE a (id int); END;",
                "CREATE TABLE a (id int);\nrollback;",
                "CREATE TABLE a (id int); ROLLBACK AND CHAIN;",
                "START TRANSACTION ISOLATION LEVEL SERIALIZABLE;",
                "PREPARE TRANSACTION 'x';",
                "abort;",
            })
    void transactionControlIsFound(String script) {
        assertThat(TransactionControl.find(script)).isNotNull();
    }

    @Test
    void theLineOfTheStatementIsReported() {
        assertThat(TransactionControl.find("CREATE TABLE a (id int);\n-- done\nCOMMIT;\nSELECT 1/0;"))
                .isEqualTo(new TransactionControl.Found("COMMIT", 3));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "INSERT INTO log VALUES ('COMMIT; BEGIN');",
                "-- COMMIT;\nCREATE TABLE a (id int);",
                "/* outer /* COMMIT; */ still comment; COMMIT; */ SELECT 1;",
                "DO $$ BEGIN PERFORM 1; COMMIT; END $$;",
                "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;",
                "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT g();",
                "SAVEPOINT s; INSERT INTO a VALUES (1); ROLLBACK TO SAVEPOINT s;",
                "SELECT CASE WHEN true THEN 1 END; CREATE TABLE \"commit\" (id int);",
                "UPDATE t SET committed = true; SELECT $1;",
            })
    void otherStatementsAreNot(String script) {
        assertThat(TransactionControl.find(script)).isNull();
    }
}
