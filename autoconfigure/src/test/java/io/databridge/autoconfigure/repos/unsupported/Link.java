package io.databridge.autoconfigure.repos.unsupported;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A test entity with a property type that has no built-in codec.
 *
 * @param id the id
 * @param target the link target
 */
@Table(name = "links")
public record Link(@Id @GeneratedValue @Nullable Long id, URI target) {}
