package io.databridge.internal.jdbc;

/**
 * Which SQL texts are reads that a replica can serve outside a transaction. A read starts with {@code SELECT}, {@code
 * WITH}, {@code TABLE} or {@code VALUES} (after whitespace, comments and opening parentheses) and has none of these
 * words anywhere, in any case, even inside a literal or a quoted name: {@code INSERT}, {@code UPDATE}, {@code
 * DELETE}, {@code MERGE}, {@code INTO} ({@code SELECT INTO} creates a table), {@code FOR} (a locking clause such as
 * {@code FOR UPDATE} or {@code FOR SHARE}), {@code NEXTVAL}, {@code SETVAL}, {@code TXID_CURRENT}, {@code
 * PG_CURRENT_XACT_ID}, and no word starting with {@code PG_ADVISORY}. Anything else is treated as a write and goes to
 * the primary; the test errs towards the primary (a read that mentions one of the words runs there too), never
 * towards a replica. One pass over the text, no allocation. Stateless and thread-safe.
 */
public final class ReadStatements {

    private static final String[] FIRST_WORDS = {"SELECT", "WITH", "TABLE", "VALUES"};
    private static final String[] WRITE_WORDS = {
        "INSERT", "UPDATE", "DELETE", "MERGE", "INTO", "FOR", "NEXTVAL", "SETVAL", "TXID_CURRENT", "PG_CURRENT_XACT_ID"
    };
    private static final String WRITE_PREFIX = "PG_ADVISORY";

    private ReadStatements() {}

    /**
     * Whether a replica can serve {@code sql}.
     *
     * @param sql the SQL text
     * @return {@code true} for a read as defined above
     */
    public static boolean isRead(String sql) {
        int start = firstWord(sql);
        boolean first = true;
        int length = sql.length();
        int i = start;
        while (i < length) {
            char c = sql.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < length && isWordChar(sql.charAt(end))) {
                end++;
            }
            if (first) {
                if (!matchesAny(sql, i, end, FIRST_WORDS)) {
                    return false;
                }
                first = false;
            } else if (matchesAny(sql, i, end, WRITE_WORDS)
                    || (end - i >= WRITE_PREFIX.length()
                            && sql.regionMatches(true, i, WRITE_PREFIX, 0, WRITE_PREFIX.length()))) {
                return false;
            }
            i = end;
        }
        return !first;
    }

    /** Skips whitespace, comments and opening parentheses before the first word. */
    private static int firstWord(String sql) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean matchesAny(String sql, int start, int end, String[] words) {
        int length = end - start;
        for (String word : words) {
            if (word.length() == length && sql.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
