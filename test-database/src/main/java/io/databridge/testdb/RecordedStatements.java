package io.databridge.testdb;

import java.util.List;
import org.assertj.core.api.AssertProvider;

/**
 * The statements a block, a test or a transaction ran, as a {@link StatementRecorder} saw them: SQL texts with their
 * {@code ?} placeholders, in order. AssertJ's {@code assertThat(recorded)} gives {@link StatementsAssert}. Immutable
 * and thread-safe.
 *
 * @param sql the SQL texts, in the order they were prepared
 */
public record RecordedStatements(List<String> sql) implements AssertProvider<StatementsAssert> {

    /**
     * Copies the list.
     *
     * @param sql the SQL texts, in the order they were prepared
     */
    public RecordedStatements {
        sql = List.copyOf(sql);
    }

    /**
     * How many statements ran.
     *
     * @return the count
     */
    public int count() {
        return sql.size();
    }

    @Override
    public StatementsAssert assertThat() {
        return new StatementsAssert(this);
    }

    /**
     * The statements, numbered, one a line: what a failed assertion shows.
     *
     * @return the listing
     */
    @Override
    public String toString() {
        if (sql.isEmpty()) {
            return "no statements";
        }
        StringBuilder listing = new StringBuilder();
        for (int i = 0; i < sql.size(); i++) {
            listing.append(i == 0 ? "" : System.lineSeparator())
                    .append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(sql.get(i));
        }
        return listing.toString();
    }
}
