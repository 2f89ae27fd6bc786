package io.databridge.autoconfigure.multi.orders;

import io.databridge.repository.PgRepository;

/** A repository of the orders database. */
public interface PurchaseRepository extends PgRepository<Purchase, Long> {}
