package io.databridge.benchmarks.aggregate.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The to-one lookup as a JPA entity. */
@Entity
@Table(name = "agg_customer")
public class JpaAggCustomer {
    @Id
    public @Nullable Long id;

    public @Nullable String name;
}
