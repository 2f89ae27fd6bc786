package io.databridge.types;

/**
 * Creates the {@code jsonb} codec for a {@code @Json} property. The default is {@link JacksonJsonCodecFactory} over
 * Jackson 3's shared {@code JsonMapper}; set another with {@link TypeCodecs.Builder#jsonCodecFactory}.
 * Implementations must be thread-safe; each created codec is cached per {@link ValueType}.
 */
@FunctionalInterface
public interface JsonCodecFactory {

    /**
     * Creates the codec for one property type.
     *
     * @param type the property type, with {@link ValueType#json()} set; honour {@link ValueType#genericType()}
     * @return a codec whose {@link TypeCodec#sqlType()} is {@code jsonb} (or {@code json})
     * @throws IllegalArgumentException when the type cannot be stored as JSON
     */
    TypeCodec<?> create(ValueType type);
}
