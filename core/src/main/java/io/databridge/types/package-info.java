/**
 * Codecs between Java values and PostgreSQL types, resolved once per property: the built-in set and the {@link
 * io.databridge.types.TypeCodec} SPI for user types. {@link io.databridge.types.TypeCodecs} is the registry; only
 * {@link io.databridge.types.JacksonJsonCodecFactory} and the codec it creates link Jackson, an optional dependency.
 */
@NullMarked
package io.databridge.types;

import org.jspecify.annotations.NullMarked;
