package io.databridge.internal.migration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for migration file names, Flyway's: {@code V<version>__<description>.sql} applies a version, {@code
 * U<version>__<description>.sql} undoes it; the version is numbers separated by dots or single underscores ({@code 1},
 * {@code 1.2}, {@code 2_1}). The runner reads scripts by it, and the schema diff picks the next version by it.
 * Immutable.
 *
 * @param undo whether it is an undo ({@code U}) script
 * @param version the version as written, e.g. {@code 2_1}
 * @param description the description with underscores read as spaces, e.g. {@code add email index}
 */
public record ScriptName(boolean undo, String version, String description) {

    private static final Pattern NAME = Pattern.compile("([VU])([^_]+(?:_[^_]+)*?)__(.+)\\.sql");

    /** How a script must be named, for messages. */
    public static final String PATTERN = "V<version>__<description>.sql or U<version>__<description>.sql";

    /**
     * Reads a file name.
     *
     * @param fileName e.g. {@code V3__add_email_index.sql}
     * @return the parts, or {@code null} when the name is not a migration script's
     */
    public static @Nullable ScriptName parse(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            return null;
        }
        return new ScriptName(
                matcher.group(1).equals("U"), matcher.group(2), matcher.group(3).replace('_', ' '));
    }

    /**
     * The first number of the version: {@code 2} for {@code 2_1} or {@code 2.1}.
     *
     * @return the major version, or -1 when the version does not start with a number
     */
    public long major() {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 || end > 18 ? -1 : Long.parseLong(version.substring(0, end));
    }
}
