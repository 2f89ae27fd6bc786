package io.databridge.sample;

import io.databridge.repository.PgRepository;

/** The catalogue. */
public interface ProductRepository extends PgRepository<Product, Long> {}
