package io.databridge.query;

import io.databridge.mapping.CreatedAt;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import java.time.Instant;

/** A mutable entity for DSL tests. */
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue
    public Long id;

    public String email;
    public String name;
    public Integer age;
    public boolean active;
    public Tier tier;

    @Version
    public long version;

    @CreatedAt
    public Instant createdAt;

    public Customer() {}

    public Customer(String email, String name, Integer age, boolean active, Tier tier) {
        this.email = email;
        this.name = name;
        this.age = age;
        this.active = active;
        this.tier = tier;
    }

    @Override
    public String toString() {
        return name;
    }
}
