package io.databridge.testdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on the statements a block, a test or a transaction ran ({@link RecordedStatements}). Every
 * failure lists the statements that ran, numbered.
 *
 * <p>A <em>shape</em> is an SQL text in which {@code ...} stands for any text (also none) and runs of whitespace match
 * any whitespace: {@code "SELECT ... FROM \"orders\" WHERE ..."}. Statements are counted by their first keyword
 * ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}; a statement starting with {@code WITH} is none of
 * these). Not thread-safe (as AssertJ's assertions).
 */
public final class StatementsAssert extends AbstractAssert<StatementsAssert, RecordedStatements> {

    /**
     * Creates assertions on recorded statements; usually reached through AssertJ's {@code assertThat(recorded)} or
     * {@link StatementRecorder#assertThat}.
     *
     * @param actual the statements
     */
    public StatementsAssert(RecordedStatements actual) {
        super(actual, StatementsAssert.class);
    }

    /**
     * Verifies how many statements ran.
     *
     * @param expected the expected count
     * @return this
     */
    public StatementsAssert hasCount(int expected) {
        isNotNull();
        if (actual.count() != expected) {
            failWithMessage("Expected %d statements but %d ran:%n%s", expected, actual.count(), actual);
        }
        return this;
    }

    /**
     * Verifies how many statements starting with {@code SELECT} ran.
     *
     * @param expected the expected count
     * @return this
     */
    public StatementsAssert hasSelectCount(int expected) {
        return hasKeywordCount("SELECT", expected);
    }

    /**
     * Verifies how many statements starting with {@code INSERT} ran.
     *
     * @param expected the expected count
     * @return this
     */
    public StatementsAssert hasInsertCount(int expected) {
        return hasKeywordCount("INSERT", expected);
    }

    /**
     * Verifies how many statements starting with {@code UPDATE} ran.
     *
     * @param expected the expected count
     * @return this
     */
    public StatementsAssert hasUpdateCount(int expected) {
        return hasKeywordCount("UPDATE", expected);
    }

    /**
     * Verifies how many statements starting with {@code DELETE} ran.
     *
     * @param expected the expected count
     * @return this
     */
    public StatementsAssert hasDeleteCount(int expected) {
        return hasKeywordCount("DELETE", expected);
    }

    private StatementsAssert hasKeywordCount(String keyword, int expected) {
        isNotNull();
        long count = actual.sql().stream()
                .filter(sql -> firstKeyword(sql).equals(keyword))
                .count();
        if (count != expected) {
            failWithMessage(
                    "Expected %d %s statements but %d ran; all statements:%n%s", expected, keyword, count, actual);
        }
        return this;
    }

    /**
     * Verifies that no SQL text ran more than once: the N+1 guard (a statement per row shows as one text repeated).
     *
     * @return this
     */
    public StatementsAssert hasNoRepeatedStatements() {
        isNotNull();
        Map<String, Integer> runs = new LinkedHashMap<>();
        for (String sql : actual.sql()) {
            runs.merge(sql, 1, Integer::sum);
        }
        List<String> repeated = new ArrayList<>();
        runs.forEach((sql, count) -> {
            if (count > 1) {
                repeated.add(count + " times: " + sql);
            }
        });
        if (!repeated.isEmpty()) {
            failWithMessage(
                    "Expected no statement to run more than once, but%n  %s%nall statements:%n%s",
                    String.join(System.lineSeparator() + "  ", repeated), actual);
        }
        return this;
    }

    /**
     * Verifies that each shape matches at least one statement that ran (in any order; others may have run too).
     *
     * @param shapes SQL texts, {@code ...} for any text
     * @return this
     */
    public StatementsAssert containsShapes(String... shapes) {
        isNotNull();
        for (String shape : shapes) {
            if (actual.sql().stream().noneMatch(sql -> matches(shape, sql))) {
                failWithMessage("Expected a statement of the shape%n  %s%nbut none matched:%n%s", shape, actual);
            }
        }
        return this;
    }

    /**
     * Verifies that the statements that ran match the shapes one to one, in order, and that no other ran.
     *
     * @param shapes SQL texts, {@code ...} for any text
     * @return this
     */
    public StatementsAssert containsExactlyShapes(String... shapes) {
        isNotNull();
        List<String> sql = actual.sql();
        if (sql.size() != shapes.length) {
            failWithMessage(
                    "Expected %d statements of the given shapes but %d ran:%n%s", shapes.length, sql.size(), actual);
        }
        for (int i = 0; i < shapes.length; i++) {
            if (!matches(shapes[i], sql.get(i))) {
                failWithMessage(
                        "Expected statement %d to have the shape%n  %s%nbut it was%n  %s%nall statements:%n%s",
                        i + 1, shapes[i], sql.get(i), actual);
            }
        }
        return this;
    }

    /**
     * AssertJ's list assertions on the SQL texts, for anything the methods here do not say.
     *
     * @return assertions on {@link RecordedStatements#sql()}
     */
    public ListAssert<String> sql() {
        isNotNull();
        return Assertions.assertThat(actual.sql());
    }

    /** Whether {@code sql} has the shape: equal after collapsing whitespace, {@code ...} matching any text. */
    static boolean matches(String shape, String sql) {
        String text = collapse(sql);
        String[] parts = collapse(shape).split("\\.\\.\\.", -1);
        if (parts.length == 1) {
            return text.equals(parts[0]);
        }
        String first = parts[0].stripTrailing();
        String last = parts[parts.length - 1].stripLeading();
        if (!text.startsWith(first) || !text.endsWith(last) || text.length() < first.length() + last.length()) {
            return false;
        }
        int at = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i].strip();
            int found = text.indexOf(part, at);
            if (found < 0 || found + part.length() > end) {
                return false;
            }
            at = found + part.length();
        }
        return true;
    }

    private static String collapse(String sql) {
        return String.join(" ", sql.strip().split("\\s+"));
    }

    private static String firstKeyword(String sql) {
        String text = sql.stripLeading();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
