package io.databridge.autoconfigure.repos.withmetamodel;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * A test entity whose metamodel exists ({@link Gadget_}).
 *
 * @param id the id
 * @param name the name
 */
@Table(name = "gadgets")
public record Gadget(@Id @GeneratedValue @Nullable Long id, String name) {}
