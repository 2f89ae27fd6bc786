package io.databridge.autoconfigure.repos.derived;

import io.databridge.autoconfigure.repos.Item;
import io.databridge.repository.PgRepository;
import java.util.List;
import java.util.Optional;

/** A repository with derived queries, compiled onto the query DSL at startup. */
public interface DerivedItemRepository extends PgRepository<Item, Long> {

    Optional<Item> findByName(String name);

    List<Item> findByNameStartingWithOrderByNameDesc(String prefix);

    long countByNameIn(List<String> names);

    boolean existsByNameIgnoreCase(String name);

    long deleteByName(String name);
}
