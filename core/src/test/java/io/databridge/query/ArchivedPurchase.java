package io.databridge.query;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import java.math.BigDecimal;

/** Where data-modifying CTEs move purchases to. */
@Table(name = "purchase_archive")
public record ArchivedPurchase(@Id Long id, Long customerId, BigDecimal total) {}
