package io.databridge.benchmarks.aggregate.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The aggregate root as a JPA entity, mapped the way Hibernate's guide recommends: a lazy to-one (fetched by the query
 * that needs it) and a bidirectional one-to-many owned by the line, cascading persist and merge.
 */
@Entity
@Table(name = "agg_order")
public class JpaAggOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public @Nullable Long id;

    public @Nullable String note;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    public @Nullable JpaAggCustomer customer;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<JpaAggLine> lines = new ArrayList<>();

    /** Adds a line, setting its owning side. */
    public void addLine(JpaAggLine line) {
        line.order = this;
        lines.add(line);
    }
}
