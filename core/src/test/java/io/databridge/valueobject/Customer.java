package io.databridge.valueobject;

import io.databridge.mapping.Embedded;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;

/** A class entity with two value objects of one type, told apart by their prefixes. */
@Table(name = "customers")
public class Customer {
    @Id
    @GeneratedValue
    Long id;

    String name;

    @Embedded
    Address address;

    @Embedded(prefix = "bill_")
    Address billing;

    @Version
    long version;

    Customer() {}

    Customer(String name, Address address, Address billing) {
        this.name = name;
        this.address = address;
        this.billing = billing;
    }
}
