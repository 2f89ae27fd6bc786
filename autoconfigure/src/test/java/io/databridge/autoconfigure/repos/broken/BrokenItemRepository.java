package io.databridge.autoconfigure.repos.broken;

import io.databridge.autoconfigure.repos.Item;
import io.databridge.repository.PgRepository;
import io.databridge.repository.Query;
import java.util.Map;

/** A repository with a return type data-bridge cannot map. */
public interface BrokenItemRepository extends PgRepository<Item, Long> {

    @Query("SELECT * FROM items")
    Map<String, Object> raw();
}
