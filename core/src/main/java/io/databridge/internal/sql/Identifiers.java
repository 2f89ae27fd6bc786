package io.databridge.internal.sql;

import io.databridge.internal.rules.IdentifierRule;

/**
 * Validates and quotes SQL identifiers. An identifier is accepted only when it matches {@code
 * [A-Za-z_][A-Za-z0-9_$]*} and is at most {@value #MAX_LENGTH} bytes long (PostgreSQL's limit; longer names would be
 * silently truncated; the rule itself is {@link IdentifierRule}, shared with the processor). Accepted identifiers are
 * always double-quoted, so reserved words such as {@code user} or {@code order} work, and case is preserved. A
 * rejected identifier is reported to {@link RejectedInputs} for the audit trail. Thread-safe.
 */
public final class Identifiers {

    /** PostgreSQL's maximum identifier length in bytes ({@code NAMEDATALEN - 1}). */
    public static final int MAX_LENGTH = IdentifierRule.MAX_LENGTH;

    private Identifiers() {}

    /**
     * Checks an identifier.
     *
     * @param name the identifier
     * @param what what the identifier names, for the message (e.g. {@code "table name"})
     * @return {@code name}, unchanged
     * @throws IllegalArgumentException when the name is empty, too long, or has a character outside the allowed set
     */
    public static String validate(String name, String what) {
        String problem = IdentifierRule.problem(name, what);
        if (problem != null) {
            // A refusal may be an attack on a query built from request input: the audit trail hears of it.
            RejectedInputs.report(RejectedInputs.IDENTIFIER, what, name);
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    /**
     * Validates an identifier and returns it double-quoted.
     *
     * @param name the identifier
     * @param what what the identifier names, for the message
     * @return the quoted identifier, e.g. {@code "user"}
     * @throws IllegalArgumentException when the name is invalid, see {@link #validate(String, String)}
     */
    public static String quote(String name, String what) {
        return '"' + validate(name, what) + '"';
    }

    /**
     * Validates and quotes an optionally schema-qualified name.
     *
     * @param schema the schema, or empty for none
     * @param name the object name
     * @param what what the name names, for the message
     * @return {@code "schema"."name"} or {@code "name"}
     * @throws IllegalArgumentException when either part is invalid
     */
    public static String qualified(String schema, String name, String what) {
        String quoted = quote(name, what);
        return schema.isEmpty() ? quoted : quote(schema, "schema of " + what + " " + name) + "." + quoted;
    }
}
