package io.databridge.autoconfigure.replica;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/**
 * A note of the replica tests.
 *
 * @param id the id
 * @param body the text
 */
@Table(name = "notes")
public record Note(@Id long id, String body) {}
