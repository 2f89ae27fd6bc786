package io.databridge.migration;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Finds a transaction-control statement ({@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END},
 * {@code ROLLBACK}, {@code ABORT}, {@code PREPARE TRANSACTION}) among the top-level statements of a script. Each script
 * runs in one transaction that {@link Migrations} commits together with its history row; a {@code COMMIT} inside would
 * commit the part before it, so a later failure would leave the script half applied under a message that says it was
 * rolled back. Literals, quoted identifiers, comments and dollar-quoted bodies ({@code DO} blocks, PL/pgSQL functions)
 * are skipped; the {@code END} that closes a {@code BEGIN ATOMIC} function body is not a transaction end; {@code
 * ROLLBACK TO SAVEPOINT} stays inside the transaction and is allowed. Stateless.
 */
final class TransactionControl {

    private TransactionControl() {}

    /** A transaction-control statement and the line it starts on (1-based). */
    record Found(String statement, int line) {}

    /**
     * The first transaction-control statement of a script.
     *
     * @param sql the script
     * @return the statement found, {@code null} when there is none
     */
    static @Nullable Found find(String sql) {
        int length = sql.length();
        boolean statementStart = true;
        boolean atomicBody = false;
        String previousWord = "";
        String firstWord = null;
        int firstLine = 0;
        int line = 1;
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                line += newlines(sql, i, end);
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (c == ';') {
                if ("ROLLBACK".equals(firstWord) && previousWord.equals("ROLLBACK")) {
                    return new Found("ROLLBACK", firstLine);
                }
                statementStart = true;
                firstWord = null;
                previousWord = "";
                i++;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int wordEnd = i;
                while (wordEnd < length
                        && (Character.isLetterOrDigit(sql.charAt(wordEnd)) || sql.charAt(wordEnd) == '_')) {
                    wordEnd++;
                }
                String word = sql.substring(i, wordEnd).toUpperCase(Locale.ROOT);
                if (statementStart) {
                    statementStart = false;
                    firstWord = word;
                    firstLine = line;
                    if (word.equals("END") && atomicBody) {
                        atomicBody = false;
                    } else if (word.equals("BEGIN")
                            || word.equals("COMMIT")
                            || word.equals("END")
                            || word.equals("ABORT")) {
                        return new Found(word, line);
                    }
                } else if (firstWord != null && previousWord.equals(firstWord)) {
                    // The second word decides for ROLLBACK, START and PREPARE.
                    if ((firstWord.equals("ROLLBACK") && !word.equals("TO"))
                            || (firstWord.equals("START") && word.equals("TRANSACTION"))
                            || (firstWord.equals("PREPARE") && word.equals("TRANSACTION"))) {
                        return new Found(firstWord + " " + word, firstLine);
                    }
                }
                if (previousWord.equals("BEGIN") && word.equals("ATOMIC")) {
                    atomicBody = true;
                }
                previousWord = word;
                i = wordEnd;
                continue;
            }
            i++;
        }
        if ("ROLLBACK".equals(firstWord) && previousWord.equals("ROLLBACK")) {
            return new Found("ROLLBACK", firstLine);
        }
        return null;
    }

    /** The end of the literal, quoted identifier, comment or dollar-quoted string at {@code start}, else start. */
    private static int skipQuotedOrComment(String sql, int start) {
        char c = sql.charAt(start);
        int length = sql.length();
        if (c == '\'' || c == '"') {
            boolean escapes = c == '\'' && start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e');
            int i = start + 1;
            while (i < length) {
                char d = sql.charAt(i);
                if (escapes && d == '\\') {
                    i += 2;
                } else if (d == c) {
                    if (i + 1 < length && sql.charAt(i + 1) == c) {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return length;
        }
        if (c == '-' && start + 1 < length && sql.charAt(start + 1) == '-') {
            int newline = sql.indexOf('\n', start);
            return newline < 0 ? length : newline;
        }
        if (c == '/' && start + 1 < length && sql.charAt(start + 1) == '*') {
            int depth = 0;
            int i = start;
            while (i < length - 1) {
                if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                    i += 2;
                    if (--depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return length;
        }
        if (c == '$' && (start == 0 || !Character.isLetterOrDigit(sql.charAt(start - 1)))) {
            int tagEnd = start + 1;
            while (tagEnd < length && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
                tagEnd++;
            }
            if (tagEnd < length
                    && sql.charAt(tagEnd) == '$'
                    && !Character.isDigit(sql.charAt(Math.min(start + 1, tagEnd)))) {
                String tag = sql.substring(start, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                return close < 0 ? length : close + tag.length();
            }
        }
        return start;
    }

    private static int newlines(String sql, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (sql.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
