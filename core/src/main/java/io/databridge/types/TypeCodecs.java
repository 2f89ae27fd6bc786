package io.databridge.types;

import io.databridge.internal.sql.Identifiers;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The codecs that convert property values to and from PostgreSQL: the built-in set plus the codecs registered by the
 * application. Immutable and thread-safe; a codec is created once per {@link ValueType} and cached.
 *
 * <p>Resolution order for a {@link ValueType}:
 *
 * <ol>
 *   <li>{@code @Json} ({@link ValueType#json()}): {@code jsonb} through the {@link JsonCodecFactory}, by default
 *       Jackson 3 ({@code tools.jackson.core:jackson-databind}, an optional dependency loaded only here);
 *   <li>a codec registered with {@link Builder#register} for exactly {@link ValueType#rawType()} (a codec for {@code
 *       Integer} does not apply to {@code int});
 *   <li>the built-ins: {@code boolean}, {@code byte} (as {@code smallint}), {@code short}, {@code int}, {@code long},
 *       {@code float}, {@code double}, {@code char} (as one-character {@code text}) and their wrappers; {@link String},
 *       {@link BigDecimal}, {@link BigInteger}, {@link UUID}, {@code byte[]}, {@link Instant}, {@link OffsetDateTime},
 *       {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime}, {@link Duration}; enums as chosen by {@link
 *       ValueType#enumType()}; {@code List<E>}, {@code E[]} and primitive arrays as PostgreSQL arrays, for {@code E}
 *       one of {@code String}, {@code Short}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code
 *       Boolean}, {@code BigDecimal}, {@code UUID} or an enum (stored by name, as {@code text[]}).
 * </ol>
 */
public final class TypeCodecs {

    private static final String JACKSON_PROBE = "tools.jackson.databind.json.JsonMapper";

    private static final Map<Class<?>, TypeCodec<?>> BUILT_INS = builtIns();

    private static final TypeCodecs DEFAULTS = new TypeCodecs(Map.of(), null);

    private final Map<Class<?>, TypeCodec<?>> registered;
    private final @Nullable JsonCodecFactory jsonCodecFactory;
    private final ConcurrentHashMap<ValueType, TypeCodec<?>> cache = new ConcurrentHashMap<>();

    private TypeCodecs(Map<Class<?>, TypeCodec<?>> registered, @Nullable JsonCodecFactory jsonCodecFactory) {
        this.registered = registered;
        this.jsonCodecFactory = jsonCodecFactory;
    }

    /**
     * The built-in codecs only, with Jackson's shared mapper for {@code @Json}. The same instance on every call.
     *
     * @return the shared default registry
     */
    public static TypeCodecs defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a registry with codecs of the application's own.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds the codec for a type.
     *
     * @param type the property or parameter type
     * @return the codec, or empty when no codec handles the type
     * @throws IllegalArgumentException when the type's mapping hints are inconsistent (e.g. {@code @Enumerated} on a
     *     non-enum), or it is {@code @Json} and no JSON library is available
     */
    public Optional<TypeCodec<?>> find(ValueType type) {
        Objects.requireNonNull(type, "type must not be null");
        TypeCodec<?> codec = cache.get(type);
        if (codec == null) {
            codec = create(type);
            if (codec == null) {
                return Optional.empty();
            }
            TypeCodec<?> raced = cache.putIfAbsent(type, codec);
            if (raced != null) {
                codec = raced;
            }
        }
        return Optional.of(codec);
    }

    /**
     * Resolves the codec for a type, or fails with a message that says how to support it. The caller adds the entity
     * and property names.
     *
     * @param type the property or parameter type
     * @return the codec
     * @throws IllegalArgumentException when no codec handles the type, its mapping hints are inconsistent, or it is
     *     {@code @Json} and no JSON library is available
     */
    public TypeCodec<?> resolve(ValueType type) {
        return find(type).orElseThrow(() -> unsupported(type));
    }

    private @Nullable TypeCodec<?> create(ValueType type) {
        Class<?> raw = type.rawType();
        if (type.json()) {
            if (type.enumType() != null) {
                throw new IllegalArgumentException(
                        "a property cannot be both @Json and @Enumerated; remove one of the two annotations");
            }
            return json(type);
        }
        TypeCodec<?> codec = registered.get(raw);
        if (codec != null) {
            return codec;
        }
        if (raw.isEnum()) {
            return enumCodec(raw, type);
        }
        if (type.enumType() != null && !isEnumContainer(type)) {
            throw new IllegalArgumentException("@Enumerated applies to enum properties, but the type is "
                    + type.genericType().getTypeName() + "; remove @Enumerated");
        }
        codec = BUILT_INS.get(raw);
        if (codec != null) {
            return codec;
        }
        if (raw == List.class) {
            return listCodec(type);
        }
        if (raw.isArray()) {
            return arrayCodec(type);
        }
        return null;
    }

    private TypeCodec<?> json(ValueType type) {
        JsonCodecFactory factory = jsonCodecFactory;
        if (factory == null) {
            factory = defaultJsonCodecFactory();
        }
        return factory.create(type);
    }

    private static JsonCodecFactory defaultJsonCodecFactory() {
        try {
            Class.forName(JACKSON_PROBE, false, TypeCodecs.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError ex) {
            throw new IllegalArgumentException("@Json needs Jackson 3 on the class path: add the dependency"
                    + " tools.jackson.core:jackson-databind (Spring Boot 4 brings it), or set a JsonCodecFactory with"
                    + " TypeCodecs.builder().jsonCodecFactory(...)");
        }
        return JacksonJsonCodecFactory.shared();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeCodec<?> enumCodec(Class<?> raw, ValueType type) {
        Class enumClass = raw;
        EnumType storage = type.enumType();
        if (storage == null || storage == EnumType.STRING) {
            return EnumCodecs.byName(enumClass);
        }
        if (storage == EnumType.ORDINAL) {
            return EnumCodecs.byOrdinal(enumClass);
        }
        String typeName = type.enumTypeName();
        if (typeName == null || typeName.isBlank()) {
            throw new IllegalArgumentException("@Enumerated(POSTGRES) on " + raw.getName()
                    + " needs the PostgreSQL enum type name; pass it as ValueType.enumTypeName");
        }
        // Quoted once here, so every use of sqlType() (DDL, bulk casts) names the same, case-preserved type.
        return EnumCodecs.byPostgresEnum(enumClass, Identifiers.quote(typeName, "PostgreSQL enum type name"));
    }

    private static boolean isEnumContainer(ValueType type) {
        Class<?> element = type.rawType().isArray() ? type.rawType().getComponentType() : elementClass(type);
        return element != null && element.isEnum();
    }

    private static @Nullable TypeCodec<?> listCodec(ValueType type) {
        Class<?> element = elementClass(type);
        if (element == null) {
            throw new IllegalArgumentException("a List property needs its element type, but the type is "
                    + type.genericType().getTypeName() + "; declare it, e.g. List<String>");
        }
        ArrayElement<?> arrayElement = arrayElement(element, type);
        return arrayElement == null ? null : ArrayCodecs.list(arrayElement);
    }

    private static @Nullable TypeCodec<?> arrayCodec(ValueType type) {
        Class<?> component = type.rawType().getComponentType();
        if (component.isPrimitive()) {
            return ArrayCodecs.primitiveArray(component);
        }
        ArrayElement<?> arrayElement = arrayElement(component, type);
        return arrayElement == null ? null : ArrayCodecs.objectArray(arrayElement);
    }

    private static @Nullable ArrayElement<?> arrayElement(Class<?> element, ValueType type) {
        if (element.isEnum() && type.enumType() != null && type.enumType() != EnumType.STRING) {
            throw new IllegalArgumentException("enum arrays are stored by name as text[], but the type "
                    + type.genericType().getTypeName() + " asks for @Enumerated(" + type.enumType()
                    + "); remove @Enumerated or use EnumType.STRING");
        }
        return ArrayElement.of(element);
    }

    /** The element class of {@code List<E>} (or {@code List<? extends E>}), or {@code null} when not a class. */
    private static @Nullable Class<?> elementClass(ValueType type) {
        if (!(type.genericType() instanceof ParameterizedType)) {
            return null;
        }
        Type argument = ((ParameterizedType) type.genericType()).getActualTypeArguments()[0];
        if (argument instanceof WildcardType) {
            Type[] upper = ((WildcardType) argument).getUpperBounds();
            argument = upper.length == 1 ? upper[0] : Object.class;
        }
        return argument instanceof Class<?> ? (Class<?>) argument : null;
    }

    private static IllegalArgumentException unsupported(ValueType type) {
        String typeName = type.genericType().getTypeName();
        Class<?> raw = type.rawType();
        if (raw == List.class || (raw.isArray() && raw != byte[].class)) {
            return new IllegalArgumentException("unsupported element type in " + typeName
                    + ": PostgreSQL arrays are supported for String, Short, Integer, Long, Float, Double, Boolean,"
                    + " BigDecimal, UUID, enums and their primitives; mark the property @Json to store it as jsonb,"
                    + " or register a TypeCodec for " + raw.getSimpleName() + " with TypeCodecs.builder().register("
                    + raw.getSimpleName() + ".class, codec)");
        }
        return new IllegalArgumentException("unsupported type " + typeName
                + ": register a TypeCodec for it with TypeCodecs.builder().register(" + raw.getSimpleName()
                + ".class, codec), or mark the property @Json");
    }

    /** The classes with a built-in codec (not enums, lists or arrays of elements); for the rules agreement test. */
    static Set<Class<?>> builtInTypes() {
        return BUILT_INS.keySet();
    }

    private static Map<Class<?>, TypeCodec<?>> builtIns() {
        Map<Class<?>, TypeCodec<?>> codecs = new HashMap<>();
        codecs.put(boolean.class, ScalarCodecs.BooleanCodec.INSTANCE);
        codecs.put(Boolean.class, ScalarCodecs.BooleanCodec.INSTANCE);
        codecs.put(byte.class, ScalarCodecs.ByteCodec.INSTANCE);
        codecs.put(Byte.class, ScalarCodecs.ByteCodec.INSTANCE);
        codecs.put(short.class, ScalarCodecs.ShortCodec.INSTANCE);
        codecs.put(Short.class, ScalarCodecs.ShortCodec.INSTANCE);
        codecs.put(int.class, ScalarCodecs.IntegerCodec.INSTANCE);
        codecs.put(Integer.class, ScalarCodecs.IntegerCodec.INSTANCE);
        codecs.put(long.class, ScalarCodecs.LongCodec.INSTANCE);
        codecs.put(Long.class, ScalarCodecs.LongCodec.INSTANCE);
        codecs.put(float.class, ScalarCodecs.FloatCodec.INSTANCE);
        codecs.put(Float.class, ScalarCodecs.FloatCodec.INSTANCE);
        codecs.put(double.class, ScalarCodecs.DoubleCodec.INSTANCE);
        codecs.put(Double.class, ScalarCodecs.DoubleCodec.INSTANCE);
        codecs.put(char.class, ScalarCodecs.CharacterCodec.INSTANCE);
        codecs.put(Character.class, ScalarCodecs.CharacterCodec.INSTANCE);
        codecs.put(String.class, ScalarCodecs.StringCodec.INSTANCE);
        codecs.put(BigDecimal.class, ScalarCodecs.BigDecimalCodec.INSTANCE);
        codecs.put(BigInteger.class, ScalarCodecs.BigIntegerCodec.INSTANCE);
        codecs.put(UUID.class, ScalarCodecs.UuidCodec.INSTANCE);
        codecs.put(byte[].class, ScalarCodecs.ByteArrayCodec.INSTANCE);
        codecs.put(Instant.class, TemporalCodecs.InstantCodec.INSTANCE);
        codecs.put(OffsetDateTime.class, TemporalCodecs.OffsetDateTimeCodec.INSTANCE);
        codecs.put(LocalDateTime.class, TemporalCodecs.LocalDateTimeCodec.INSTANCE);
        codecs.put(LocalDate.class, TemporalCodecs.LocalDateCodec.INSTANCE);
        codecs.put(LocalTime.class, TemporalCodecs.LocalTimeCodec.INSTANCE);
        codecs.put(Duration.class, IntervalCodec.INSTANCE);
        return Map.copyOf(codecs);
    }

    /**
     * Collects the application's codecs for a {@link TypeCodecs}. Not thread-safe; use it on one thread, then call
     * {@link #build()}.
     */
    public static final class Builder {

        private final Map<Class<?>, TypeCodec<?>> registered = new HashMap<>();
        private @Nullable JsonCodecFactory jsonCodecFactory;

        private Builder() {}

        /**
         * Registers a codec for exactly one class; it wins over a built-in codec for that class. A codec for a wrapper
         * does not apply to its primitive: register both if both occur.
         *
         * @param type the class, e.g. {@code Money.class}
         * @param codec the codec, thread-safe and stateless
         * @param <T> the Java type
         * @return this builder
         * @throws IllegalArgumentException when a codec is already registered for the class
         */
        public <T> Builder register(Class<T> type, TypeCodec<T> codec) {
            Objects.requireNonNull(type, "type must not be null");
            Objects.requireNonNull(codec, "codec must not be null");
            if (registered.putIfAbsent(type, codec) != null) {
                throw new IllegalArgumentException(
                        "a TypeCodec for " + type.getName() + " is already registered; register one codec per class");
            }
            return this;
        }

        /**
         * Sets how {@code @Json} properties become {@code jsonb}, e.g. {@code
         * JacksonJsonCodecFactory.using(applicationMapper)}. Without it, Jackson 3's shared {@code JsonMapper} is
         * used. Taking the factory interface rather than a Jackson {@code ObjectMapper} keeps this class free of
         * Jackson, which is optional.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder jsonCodecFactory(JsonCodecFactory factory) {
            this.jsonCodecFactory = Objects.requireNonNull(factory, "factory must not be null");
            return this;
        }

        /**
         * Builds the immutable registry; the builder may be reused.
         *
         * @return the registry
         */
        public TypeCodecs build() {
            return new TypeCodecs(Map.copyOf(registered), jsonCodecFactory);
        }
    }
}
