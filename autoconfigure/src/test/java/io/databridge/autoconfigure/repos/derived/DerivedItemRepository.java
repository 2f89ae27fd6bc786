package io.databridge.autoconfigure.repos.derived;

import io.databridge.autoconfigure.repos.Item;
import io.databridge.repository.PgRepository;
import java.util.Optional;

/** A repository with a derived query, which needs the query DSL. */
public interface DerivedItemRepository extends PgRepository<Item, Long> {

    Optional<Item> findByName(String name);
}
