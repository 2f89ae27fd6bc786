package io.databridge.internal.bulk;

import io.databridge.internal.model.PropertyModel;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * How one column travels in a bulk insert: as a typed PostgreSQL array of the Java values (the built-in codecs of
 * numbers, booleans and text, which pgjdbc encodes itself), or as a {@code text[]} of the codec's text form, cast back
 * to the codec's SQL type in the statement (every other codec: temporal, enum, jsonb, array, interval and user codecs).
 * Chosen once per entity. Immutable and thread-safe.
 */
final class BulkColumn {

    /** A typed array the driver encodes: its element type name and a factory for the matching Java array. */
    private record Typed(String elementType, IntFunction<Object[]> arrays) {}

    private static final String SCALARS = "io.databridge.types.ScalarCodecs$";

    private static final Map<String, Typed> TYPED = Map.of(
            SCALARS + "LongCodec", new Typed("int8", Long[]::new),
            SCALARS + "IntegerCodec", new Typed("int4", Integer[]::new),
            SCALARS + "ShortCodec", new Typed("int2", Short[]::new),
            SCALARS + "BooleanCodec", new Typed("bool", Boolean[]::new),
            SCALARS + "DoubleCodec", new Typed("float8", Double[]::new),
            SCALARS + "FloatCodec", new Typed("float4", Float[]::new),
            SCALARS + "StringCodec", new Typed("text", String[]::new));

    private final PropertyModel property;
    private final String elementType;
    private final IntFunction<Object[]> arrays;
    private final @Nullable String cast;

    private BulkColumn(
            PropertyModel property, String elementType, IntFunction<Object[]> arrays, @Nullable String cast) {
        this.property = property;
        this.elementType = elementType;
        this.arrays = arrays;
        this.cast = cast;
    }

    static BulkColumn of(PropertyModel property) {
        Typed typed = TYPED.get(property.codec().getClass().getName());
        if (typed != null) {
            return new BulkColumn(property, typed.elementType(), typed.arrays(), null);
        }
        return new BulkColumn(property, "text", String[]::new, property.codec().sqlType());
    }

    PropertyModel property() {
        return property;
    }

    /** The element type name for {@code Connection.createArrayOf}. */
    String elementType() {
        return elementType;
    }

    /** Whether values travel as the codec's text form. */
    boolean text() {
        return cast != null;
    }

    /** A new Java array of the element type. */
    Object[] newArray(int size) {
        return arrays.apply(size);
    }

    /** The placeholder of the column's array parameter, e.g. {@code ?::int8[]}. */
    String placeholder() {
        return "?::" + elementType + "[]";
    }

    /**
     * The placeholder of the column's values as one array of the column's type, e.g. {@code ?::int8[]} or {@code
     * ?::text[]::uuid[]}, for {@code = ANY(...)}.
     */
    String arrayPlaceholder() {
        return cast == null ? placeholder() : placeholder() + "::" + cast + "[]";
    }

    /**
     * The expression that turns the unnested element {@code alias} into the column's type.
     *
     * @param alias the qualified element alias, e.g. {@code u.b3}
     * @return e.g. {@code u.b3} or {@code u.b3::jsonb}
     */
    String expression(String alias) {
        return cast == null ? alias : alias + "::" + cast;
    }
}
