package io.databridge.realschema;

import io.databridge.types.EnumLabel;

/** The {@code mpaa_rating} enum: labels with dashes. */
public enum Rating {
    G,
    PG,
    @EnumLabel("PG-13")
    PG_13,
    R,
    @EnumLabel("NC-17")
    NC_17
}
