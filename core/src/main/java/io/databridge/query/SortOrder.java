package io.databridge.query;

import org.jspecify.annotations.Nullable;

/**
 * One key of an {@code ORDER BY}: an expression, a direction and where {@code NULL}s go. Obtain with {@link
 * Expression#asc()} or {@link Expression#desc()}. Immutable and thread-safe.
 */
public final class SortOrder {

    private final Expression<?> expression;
    private final boolean ascending;
    private final @Nullable Boolean nullsFirst;

    SortOrder(Expression<?> expression, boolean ascending, @Nullable Boolean nullsFirst) {
        this.expression = expression;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    /**
     * Puts {@code NULL}s first: {@code NULLS FIRST}.
     *
     * @return a new sort order
     */
    public SortOrder nullsFirst() {
        return new SortOrder(expression, ascending, true);
    }

    /**
     * Puts {@code NULL}s last: {@code NULLS LAST}.
     *
     * @return a new sort order
     */
    public SortOrder nullsLast() {
        return new SortOrder(expression, ascending, false);
    }

    Expression<?> expression() {
        return expression;
    }

    boolean ascending() {
        return ascending;
    }

    void shape(ShapeKey key) {
        expression.shape(key);
        key.add(ascending).add(nullsFirst);
    }

    void render(SqlRenderer renderer) {
        OutputKeys.bare(expression).render(renderer);
        renderDirection(renderer);
    }

    /** Appends the direction and {@code NULLS} placement after a key rendered by the caller. */
    void renderDirection(SqlRenderer renderer) {
        renderer.append(ascending ? " ASC" : " DESC");
        if (nullsFirst != null) {
            renderer.append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    @Override
    public String toString() {
        return expression + (ascending ? " ASC" : " DESC");
    }
}
