package io.databridge.sample;

import io.databridge.DataBridge;
import org.springframework.stereotype.Component;

/**
 * Creates the sample's tables from its entities at startup, when they do not exist. Enough for a sample on a fresh
 * embedded database; a real service keeps its schema in versioned migrations.
 */
@Component
class SampleSchema {

    SampleSchema(DataBridge db) {
        db.schema().create(Customer.class, PurchaseOrder.class);
    }
}
