package io.databridge.sample;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalogue: what an {@link OrderLine} refers to (a lookup, never saved with an order).
 *
 * @param id the generated id
 * @param sku the unique stock-keeping unit
 * @param name the display name
 * @param price the unit price
 */
@Table(name = "products")
public record Product(@Id @GeneratedValue @Nullable Long id, String sku, String name, BigDecimal price) {}
