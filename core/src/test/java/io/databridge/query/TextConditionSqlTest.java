package io.databridge.query;

import static io.databridge.query.Expressions.lower;
import static io.databridge.query.Expressions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Pins the SQL of the case-insensitive and regular-expression text conditions. */
class TextConditionSqlTest {

    private final DataBridge db = DataBridge.create(new DriverManagerDataSource("jdbc:postgresql://unused/none"));

    @Test
    void lowerComparesCaseInsensitively() {
        assertWhere(lower(Customer_.name).eq(lower(value("ADA"))), "lower(\"name\") = lower(?)", "ADA");
    }

    @Test
    void ignoreCaseLikeHelpersUseIlikeWithEscapedLiterals() {
        assertWhere(Customer_.name.startsWithIgnoreCase("a_"), "\"name\" ILIKE ?", "a\\_%");
        assertWhere(Customer_.name.endsWithIgnoreCase("%x"), "\"name\" ILIKE ?", "%\\%x");
        assertWhere(Customer_.name.containsIgnoreCase("\\d"), "\"name\" ILIKE ?", "%\\\\d%");
    }

    @Test
    void matchesIsPostgresqlsRegularExpressionOperator() {
        assertWhere(Customer_.name.matches("^A.*"), "\"name\" ~ ?", "^A.*");
    }

    private void assertWhere(Condition condition, String where, Object bind) {
        SqlStatement sql = db.from(Customer.class).where(condition).toSql();
        assertThat(sql.sql()).endsWith(" WHERE " + where);
        assertThat(sql.binds()).containsExactly(bind);
    }
}
