package io.databridge.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration version: numbers separated by dots or single underscores, as in {@code V1__...}, {@code V1.2__...} or
 * {@code V2_1__...} (read as {@code 2.1}), compared number by number ({@code 1.10 > 1.9}; {@code 1 = 1.0}). Immutable.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

    private final List<BigInteger> parts;
    private final String text;

    private MigrationVersion(List<BigInteger> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /**
     * Parses a version.
     *
     * @param version e.g. {@code 3}, {@code 1.2} or {@code 2_1}
     * @return the version
     * @throws IllegalArgumentException when it is not numbers separated by dots or underscores
     */
    public static MigrationVersion parse(String version) {
        String normalized = version.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String part : normalized.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("Invalid migration version '" + version
                        + "': use numbers separated by dots or underscores, e.g. 1, 1.2 or 2_1");
            }
            parts.add(new BigInteger(part));
        }
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        return new MigrationVersion(List.copyOf(parts.subList(0, last)), normalized);
    }

    @Override
    public int compareTo(MigrationVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            BigInteger mine = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger theirs = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int compared = mine.compareTo(theirs);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The version as written, with underscores read as dots, e.g. {@code 2.1}. */
    @Override
    public String toString() {
        return text;
    }
}
