package io.databridge.autoconfigure.repos.derivedbroken;

import io.databridge.autoconfigure.repos.Item;
import io.databridge.repository.PgRepository;
import java.util.Map;

/** A derived query with a return type data-bridge cannot produce. */
public interface UnsupportedReturnItemRepository extends PgRepository<Item, Long> {

    Map<String, Object> findByName(String name);
}
