package io.databridge.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NamedParametersTest {

    @Test
    void namedParametersBecomePlaceholdersInOrderAndMayRepeat() {
        NamedParameters parsed = NamedParameters.parse("SELECT * FROM t WHERE a = :a AND (b = :b OR c = :a)");
        assertThat(parsed.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND (b = ? OR c = ?)");
        assertThat(parsed.placeholders()).containsExactly("a", "b", "a");
        assertThat(parsed.names()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void castsLiteralsIdentifiersCommentsAndDollarQuotesAreLeftAlone() {
        String sql = "SELECT :x::int, ':no', E'\\':no', \":no\", $$ :no $$, $tag$ :no $tag$, arr[1:2] -- :no\n"
                + "/* :no /* nested :no */ */ FROM t WHERE y = :y";
        NamedParameters parsed = NamedParameters.parse(sql);
        assertThat(parsed.placeholders()).containsExactly("x", "y");
        assertThat(parsed.sql()).isEqualTo(sql.replace(":x::int", "?::int").replace(":y", "?"));
    }

    @Test
    void positionalDollarParametersAreNotMistakenForDollarQuotes() {
        assertThat(NamedParameters.parse("SELECT $1, :a").placeholders()).containsExactly("a");
    }

    @Test
    void aBareQuestionMarkIsRejectedButTheEscapedJsonbOperatorPasses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NamedParameters.parse("SELECT * FROM t WHERE a = ?"))
                .withMessage("SQL uses a '?' placeholder at position 27: data-bridge binds :named parameters only;"
                        + " for PostgreSQL's jsonb ? operator write ??");
        assertThat(NamedParameters.parse("SELECT doc ?? 'k' FROM t").sql()).isEqualTo("SELECT doc ?? 'k' FROM t");
    }

    @Test
    void unterminatedLiteralsAndBlankTextAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NamedParameters.parse("SELECT 'oops"))
                .withMessage("SQL has an unterminated string literal starting at position 8");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NamedParameters.parse("  "))
                .withMessage("SQL text must not be blank");
    }
}
