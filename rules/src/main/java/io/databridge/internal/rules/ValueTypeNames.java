package io.databridge.internal.rules;

import java.util.Set;

/**
 * The Java types the mapping rules single out, by binary name ({@code Class.getName()}; primitives by keyword): the
 * scalars and array elements the built-in codecs store, and the types an id may be generated for, a {@code @Version}
 * may have and an automatic timestamp may have. Core's codec registry and entity model, and the processor's checks,
 * all read these sets; core's tests prove the codecs support exactly them. Immutable, thread-safe.
 */
public final class ValueTypeNames {

    /** The one UUID type: generated ids, {@code UUID_V7}. */
    public static final String UUID = "java.util.UUID";

    /** {@code byte}: a {@code byte[]} is stored as {@code bytea}, not as an array. */
    public static final String BYTE = "byte";

    /** Single values with a built-in codec (besides enums): primitives, their wrappers, text, numbers, time. */
    public static final Set<String> SCALARS = Set.of(
            "boolean",
            "byte",
            "short",
            "int",
            "long",
            "float",
            "double",
            "char",
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Character",
            "java.lang.String",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            UUID,
            "java.time.Instant",
            "java.time.OffsetDateTime",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.Duration");

    /** Element types of {@code List<E>} and {@code E[]} stored as PostgreSQL arrays (besides enums). */
    public static final Set<String> ARRAY_ELEMENTS = Set.of(
            "java.lang.String",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Boolean",
            "java.math.BigDecimal",
            UUID);

    /** Primitive component types of arrays stored as PostgreSQL arrays ({@code byte[]} is {@code bytea} instead). */
    public static final Set<String> PRIMITIVE_ARRAY_ELEMENTS =
            Set.of("short", "int", "long", "float", "double", "boolean");

    /** Integral types an id may be generated for by the database (besides {@link #UUID}). */
    public static final Set<String> GENERATED_INTEGRAL_IDS = Set.of(
            "int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.math.BigInteger");

    /** Types a {@code @Version} property may have. */
    public static final Set<String> VERSIONS =
            Set.of("int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short");

    /** Types a {@code @CreatedAt} or {@code @UpdatedAt} property may have. */
    public static final Set<String> TIMESTAMPS =
            Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.LocalDateTime");

    private ValueTypeNames() {}

    /**
     * Whether {@code @GeneratedValue} (database strategy) supports an id of this type.
     *
     * @param typeName a binary type name
     * @return {@code true} for an integral type or {@code UUID}
     */
    public static boolean generatable(String typeName) {
        return GENERATED_INTEGRAL_IDS.contains(typeName) || UUID.equals(typeName);
    }
}
