package io.databridge.processor;

import java.util.List;

/**
 * One persistent property as the metamodel needs it: a column ({@code kind} {@link Kind#COLUMN}, {@code valueType} the
 * boxed value type), a relation ({@code valueType} and {@code rawType} the related entity), or an {@code @Embedded}
 * value object or composite id ({@link Kind#EMBEDDED}, {@code parts} its properties, each named by its path from the
 * entity, {@code address.city}).
 */
record MappedProperty(String name, String valueType, String rawType, Kind kind, List<MappedProperty> parts) {

    /** How the property appears in the metamodel. */
    enum Kind {
        COLUMN,
        TO_ONE,
        TO_MANY,
        EMBEDDED
    }

    MappedProperty {
        parts = List.copyOf(parts);
    }

    MappedProperty(String name, String valueType, String rawType, Kind kind) {
        this(name, valueType, rawType, kind, List.of());
    }

    MappedProperty(String name, String valueType, String rawType) {
        this(name, valueType, rawType, Kind.COLUMN);
    }

    /** The last segment of the name: {@code city} for {@code address.city}. */
    String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
