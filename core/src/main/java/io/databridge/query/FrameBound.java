package io.databridge.query;

/**
 * One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}, {@code n
 * FOLLOWING}, {@code UNBOUNDED FOLLOWING}. Offsets are written into the SQL (numbers, or a constant interval for
 * {@code RANGE} over dates). Immutable and thread-safe.
 */
public final class FrameBound {

    private static final FrameBound UNBOUNDED_PRECEDING = new FrameBound("UNBOUNDED PRECEDING");
    private static final FrameBound CURRENT_ROW = new FrameBound("CURRENT ROW");
    private static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound("UNBOUNDED FOLLOWING");

    private final String text;

    private FrameBound(String text) {
        this.text = text;
    }

    /**
     * {@code UNBOUNDED PRECEDING}: the partition's first row.
     *
     * @return the bound
     */
    public static FrameBound unboundedPreceding() {
        return UNBOUNDED_PRECEDING;
    }

    /**
     * {@code n PRECEDING}.
     *
     * @param offset rows (or groups, or a numeric range) before the current one, {@code >= 0}
     * @return the bound
     */
    public static FrameBound preceding(long offset) {
        return new FrameBound(offset(offset) + " PRECEDING");
    }

    /**
     * {@code CAST('interval' AS interval) PRECEDING}, for {@code RANGE} frames ordered by a date or timestamp.
     *
     * @param interval a constant interval such as {@code 7 days}
     * @return the bound
     */
    public static FrameBound preceding(String interval) {
        return new FrameBound(intervalText(interval) + " PRECEDING");
    }

    /**
     * {@code CURRENT ROW}.
     *
     * @return the bound
     */
    public static FrameBound currentRow() {
        return CURRENT_ROW;
    }

    /**
     * {@code n FOLLOWING}.
     *
     * @param offset rows (or groups, or a numeric range) after the current one, {@code >= 0}
     * @return the bound
     */
    public static FrameBound following(long offset) {
        return new FrameBound(offset(offset) + " FOLLOWING");
    }

    /**
     * {@code UNBOUNDED FOLLOWING}: the partition's last row.
     *
     * @return the bound
     */
    public static FrameBound unboundedFollowing() {
        return UNBOUNDED_FOLLOWING;
    }

    private static String offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("A frame offset must be >= 0 but was " + offset);
        }
        return Long.toString(offset);
    }

    private static String intervalText(String interval) {
        return Literal.interval(interval);
    }

    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
