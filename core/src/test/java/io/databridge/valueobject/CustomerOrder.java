package io.databridge.valueobject;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.Table;

/** An order referring to a customer with value objects: derived paths go through the relation into them. */
@Table(name = "customer_orders")
public class CustomerOrder {
    @Id
    @GeneratedValue
    Long id;

    String item;

    @ManyToOne
    @JoinColumn(name = "customer_id")
    Customer customer;

    CustomerOrder() {}

    CustomerOrder(String item, Customer customer) {
        this.item = item;
        this.customer = customer;
    }
}
