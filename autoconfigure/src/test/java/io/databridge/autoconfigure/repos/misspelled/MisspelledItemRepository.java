package io.databridge.autoconfigure.repos.misspelled;

import io.databridge.autoconfigure.repos.Item;
import io.databridge.repository.PgRepository;
import java.util.Optional;

/** A derived query naming a property that does not exist. */
public interface MisspelledItemRepository extends PgRepository<Item, Long> {

    Optional<Item> findByNmae(String name);
}
