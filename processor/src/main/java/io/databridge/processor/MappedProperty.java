package io.databridge.processor;

/**
 * One persistent property as the metamodel needs it: a column ({@code kind} {@link Kind#COLUMN}, {@code valueType} the
 * boxed value type), or a relation ({@code valueType} and {@code rawType} the related entity).
 */
record MappedProperty(String name, String valueType, String rawType, Kind kind) {

    /** How the property appears in the metamodel. */
    enum Kind {
        COLUMN,
        TO_ONE,
        TO_MANY
    }

    MappedProperty(String name, String valueType, String rawType) {
        this(name, valueType, rawType, Kind.COLUMN);
    }
}
