/**
 * Codecs between Java values and PostgreSQL types, resolved once per property: the built-in set and the {@link
 * io.databridge.types.TypeCodec} SPI for user types.
 */
@NullMarked
package io.databridge.types;

import org.jspecify.annotations.NullMarked;
