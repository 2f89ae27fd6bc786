package io.databridge.types;

/** How an enum property is stored; see {@link io.databridge.mapping.Enumerated}. */
public enum EnumType {
    /** The constant's {@code name()} in a {@code text} column (the default). */
    STRING,
    /** The constant's {@code ordinal()} in an {@code integer} column; reordering constants changes meaning. */
    ORDINAL,
    /** The constant's {@code name()} in a column of a PostgreSQL {@code CREATE TYPE ... AS ENUM} type. */
    POSTGRES
}
