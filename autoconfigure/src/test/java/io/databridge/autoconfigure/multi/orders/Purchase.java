package io.databridge.autoconfigure.multi.orders;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * An entity of the orders database.
 *
 * @param id the id
 * @param item what was bought
 */
@Table(name = "purchases")
public record Purchase(@Id @GeneratedValue @Nullable Long id, String item) {}
