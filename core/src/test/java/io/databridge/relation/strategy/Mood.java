package io.databridge.relation.strategy;

import io.databridge.types.EnumLabel;

/** A PostgreSQL enum with labels that are not the constants' names. */
public enum Mood {
    @EnumLabel("very happy")
    VERY_HAPPY,
    @EnumLabel("so-so")
    SO_SO
}
