package io.databridge.sample;

import java.math.BigDecimal;

/**
 * An aggregate projection: what each customer ordered in total.
 *
 * @param customerId the customer
 * @param total the sum of their orders
 */
public record CustomerTotal(long customerId, BigDecimal total) {}
