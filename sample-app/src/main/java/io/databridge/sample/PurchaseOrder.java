package io.databridge.sample;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An order of a customer: an immutable record entity.
 *
 * @param id the generated id, {@code null} before insert
 * @param customerId the customer
 * @param total the amount
 */
@Table(name = "orders")
public record PurchaseOrder(@Id @GeneratedValue @Nullable Long id, long customerId, BigDecimal total) {}
