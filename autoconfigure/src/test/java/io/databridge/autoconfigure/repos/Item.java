package io.databridge.autoconfigure.repos;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * A test entity.
 *
 * @param id the id
 * @param name the name
 */
@Table(name = "items")
public record Item(@Id @GeneratedValue @Nullable Long id, String name) {}
