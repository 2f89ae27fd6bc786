package io.databridge.types;

import java.util.Objects;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@code @Json} properties as {@code jsonb} with a Jackson 3 {@link ObjectMapper}. Immutable and thread-safe
 * (Jackson mappers are). This is the only public type in data-bridge that links Jackson, which is an optional
 * dependency: {@link TypeCodecs} loads it only when a {@code @Json} property is resolved.
 *
 * <pre>{@code
 * TypeCodecs codecs = TypeCodecs.builder()
 *         .jsonCodecFactory(JacksonJsonCodecFactory.using(applicationMapper))
 *         .build();
 * }</pre>
 */
public final class JacksonJsonCodecFactory implements JsonCodecFactory {

    private final ObjectMapper mapper;

    private JacksonJsonCodecFactory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A factory over the given mapper, e.g. the application's configured {@code JsonMapper} bean.
     *
     * @param mapper the mapper
     * @return the factory
     * @throws NullPointerException when {@code mapper} is {@code null}
     */
    public static JacksonJsonCodecFactory using(ObjectMapper mapper) {
        return new JacksonJsonCodecFactory(Objects.requireNonNull(mapper, "mapper must not be null"));
    }

    /** A factory over Jackson's shared default {@link JsonMapper}; the default of {@link TypeCodecs}. */
    static JacksonJsonCodecFactory shared() {
        return new JacksonJsonCodecFactory(JsonMapper.shared());
    }

    /**
     * Creates the codec for one property type; the Jackson type is built from {@link ValueType#genericType()} once,
     * here.
     *
     * @param type the property type
     * @return the codec, {@code jsonb}
     */
    @Override
    public TypeCodec<?> create(ValueType type) {
        return new JacksonJsonCodec<>(mapper, mapper.getTypeFactory().constructType(type.genericType()));
    }
}
