package io.databridge.types;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL {@code tsvector} (a full-text search document), in its text form: sorted lexemes with their positions,
 * e.g. {@code 'fat':2 'rat':3}. Read from a {@code tsvector} column as PostgreSQL prints it; written as that text, which
 * PostgreSQL parses as a {@code tsvector} literal (so {@code new TsVector("a fat rat")} stores the lexemes {@code
 * 'a' 'fat' 'rat'} without stemming; to index a document with a configuration, let the database compute the column,
 * e.g. {@code GENERATED ALWAYS AS (to_tsvector('english', title)) STORED}). A {@code TsVector} property can be
 * searched by derived repository queries ({@code findBySearchMatches(String websearch)}) and by the DSL's {@code
 * textMatches}. A class, not a record, so that raw SQL reads it as one column's value. Immutable, thread-safe.
 */
public final class TsVector {

    private final String value;

    /**
     * Creates the value.
     *
     * @param value the text form, not {@code null}
     */
    public TsVector(String value) {
        this.value = Objects.requireNonNull(value, "value must not be null");
    }

    /**
     * The text form.
     *
     * @return the lexemes as PostgreSQL prints them (or as given)
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TsVector vector && vector.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
