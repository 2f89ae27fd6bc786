package io.databridge.realschema;

import io.databridge.types.EnumLabel;

/** The {@code membership} enum: lower-case labels, one with a dash. */
public enum Membership {
    @EnumLabel("trial")
    TRIAL,
    @EnumLabel("basic")
    BASIC,
    @EnumLabel("premium-plus")
    PREMIUM_PLUS
}
