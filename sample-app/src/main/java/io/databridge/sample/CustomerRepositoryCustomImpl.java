package io.databridge.sample;

import io.databridge.DataBridge;
import java.util.List;
import org.springframework.stereotype.Component;

/** The hand-written part of {@link CustomerRepository}; data-bridge finds it by its name. */
@Component
class CustomerRepositoryCustomImpl implements CustomerRepositoryCustom {

    private final DataBridge db;

    CustomerRepositoryCustomImpl(DataBridge db) {
        this.db = db;
    }

    @Override
    public List<Customer> newest(int limit) {
        return db.sql("SELECT * FROM customers ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .list(Customer.class);
    }
}
