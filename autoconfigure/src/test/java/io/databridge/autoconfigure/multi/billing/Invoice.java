package io.databridge.autoconfigure.multi.billing;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An entity of the billing database.
 *
 * @param id the id
 * @param total the amount
 */
@Table(name = "invoices")
public record Invoice(@Id @GeneratedValue @Nullable Long id, BigDecimal total) {}
