package io.databridge.query;

/** A text-stored enum. */
public enum Tier {
    BRONZE,
    SILVER,
    GOLD
}
