package io.databridge.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared rules on their own; core's MappingRulesAgreementTest proves the runtime and the processor apply them. */
class MappingRulesTest {

    @Test
    void snakeCaseSplitsWordsAndKeepsAcronymsTogether() {
        assertThat(SnakeCase.of("createdAt")).isEqualTo("created_at");
        assertThat(SnakeCase.of("HTTPServer")).isEqualTo("http_server");
        assertThat(SnakeCase.of("userID")).isEqualTo("user_id");
        assertThat(SnakeCase.of("address2")).isEqualTo("address2");
        assertThat(SnakeCase.of("line2Total")).isEqualTo("line2_total");
    }

    @Test
    void anIdentifierIsLettersDigitsUnderscoreAndDollarUpTo63Characters() {
        assertThat(IdentifierRule.problem("order_line$2", "table name")).isNull();
        assertThat(IdentifierRule.problem("", "table name")).isEqualTo("table name must not be empty");
        assertThat(IdentifierRule.problem("2fast", "column name"))
                .isEqualTo("column name '2fast' has an invalid character at position 1: identifiers must match"
                        + " [A-Za-z_][A-Za-z0-9_$]*");
        assertThat(IdentifierRule.problem("a\nb", "column name"))
                .startsWith("column name 'a?b' has an invalid character at position 2");
        assertThat(IdentifierRule.problem("x".repeat(64), "index name"))
                .isEqualTo("index name '" + "x".repeat(64) + "' is 64 characters long; PostgreSQL allows at most 63:"
                        + " choose a shorter name");
    }

    @Test
    void lookAlikesOfSpringDataAndJpaNameDataBridgesAnnotation() {
        assertThat(LookAlikeAnnotations.replacement("jakarta.persistence.Id")).isEqualTo("io.databridge.mapping.Id");
        assertThat(LookAlikeAnnotations.replacement("org.springframework.data.annotation.CreatedDate"))
                .isEqualTo("io.databridge.mapping.CreatedAt");
        assertThat(LookAlikeAnnotations.replacement("io.databridge.mapping.Id")).isNull();
        assertThat(LookAlikeAnnotations.table()).hasSize(11);
    }

    @Test
    void messagesNameTheEntityThePropertyAndTheFix() {
        assertThat(MappingMessages.versionType("com.example.Film.version", "java.lang.String"))
                .isEqualTo("Cannot map com.example.Film.version: @Version needs an integral type (int, long, Integer"
                        + " or Long) but was java.lang.String");
        assertThat(MappingMessages.lookAlike(
                        "com.example.Film.id", "jakarta.persistence.Id", "io.databridge.mapping.Id"))
                .isEqualTo("Cannot map com.example.Film.id: it is annotated with jakarta.persistence.Id, which"
                        + " data-bridge does not read; import io.databridge.mapping.Id instead");
        assertThat(ValueTypeNames.generatable("java.math.BigInteger")).isTrue();
        assertThat(ValueTypeNames.generatable("java.lang.String")).isFalse();
    }
}
