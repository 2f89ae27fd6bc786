package io.databridge.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"user", "order", "select", "Users", "_private", "a1", "price$eur"})
    void reservedWordsAndMixedCaseAreAcceptedAndQuoted(String name) {
        assertThat(Identifiers.quote(name, "table name")).isEqualTo('"' + name + '"');
    }

    @Test
    void aNameOfExactly63BytesIsAccepted() {
        String name = "a".repeat(63);
        assertThat(Identifiers.validate(name, "column name")).isEqualTo(name);
    }

    @Test
    void a64ByteNameIsRejectedBecausePostgresWouldTruncateIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Identifiers.validate("a".repeat(64), "column name"))
                .withMessage("column name '" + "a".repeat(64)
                        + "' is 64 characters long; PostgreSQL allows at most 63: choose a shorter name");
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Identifiers.validate("", "table name"))
                .withMessage("table name must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "users; drop table x", "a b", "a-b", "1abc", "$a", "naïve", "名前", "a'b", "a.b"})
    void quotesSpacesPunctuationLeadingDigitsAndUnicodeAreRejected(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Identifiers.quote(name, "column name"))
                .withMessageStartingWith("column name '")
                .withMessageEndingWith("identifiers must match [A-Za-z_][A-Za-z0-9_$]*");
    }

    @Test
    void controlCharactersAreNotEchoedIntoTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Identifiers.validate("a\nb", "column name"))
                .withMessage("column name 'a?b' has an invalid character at position 2: identifiers must match"
                        + " [A-Za-z_][A-Za-z0-9_$]*");
    }

    @Test
    void qualifiedNamesQuoteBothParts() {
        assertThat(Identifiers.qualified("app", "users", "table name")).isEqualTo("\"app\".\"users\"");
        assertThat(Identifiers.qualified("", "users", "table name")).isEqualTo("\"users\"");
    }
}
