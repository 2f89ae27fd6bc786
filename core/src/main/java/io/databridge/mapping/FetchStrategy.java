package io.databridge.mapping;

/**
 * How a fetched relation is loaded. Chosen per fetch ({@code .fetch(FetchStrategy.JSON, Owner_.pets)}, {@code
 * @Fetch(value = "pets", strategy = FetchStrategy.JSON)}) or per relation ({@link Loading#strategy()}); {@link
 * #SELECT_IN} when neither says. Every strategy loads the same rows in the same order ({@link OrderBy}), and paging
 * stays a page of roots. See docs/relationships.md for the SQL of each and when it wins.
 */
public enum FetchStrategy {

    /**
     * One statement per relation per level, after the rows that refer to it: {@code SELECT ... FROM pets t WHERE
     * t.owner_id = ANY(?)} with the ids of the whole level. The default.
     */
    SELECT_IN,

    /**
     * A to-one read in the statement of the rows that refer to it: its columns come from a {@code LEFT JOIN} on the
     * foreign key, so it costs no statement of its own. For to-ones only; a to-many on a path fetched with {@code JOIN}
     * keeps its own strategy. Where the referring rows were already read (repository methods, {@code
     * DataBridge.fetch}), the to-one is read by {@link #SELECT_IN}.
     */
    JOIN,

    /**
     * The relation, and everything fetched below it, aggregated into one {@code jsonb} value per row by a correlated
     * subquery ({@code jsonb_agg(... ORDER BY ...)}, like jOOQ's MULTISET) in the statement of the rows that refer to
     * it: a whole graph in one round trip. Values are decoded by the same codecs as a column, so every type round-trips
     * exactly.
     */
    JSON
}
