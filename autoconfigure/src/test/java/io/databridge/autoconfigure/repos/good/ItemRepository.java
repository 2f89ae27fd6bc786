package io.databridge.autoconfigure.repos.good;

import io.databridge.autoconfigure.repos.Item;
import io.databridge.repository.PgRepository;

/** A valid repository. */
public interface ItemRepository extends PgRepository<Item, Long> {}
