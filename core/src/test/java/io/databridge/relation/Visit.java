package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.Table;

@Table(name = "visits")
public class Visit {
    @Id
    @GeneratedValue
    public Long id;

    public String description;

    @ManyToOne
    public Pet pet;

    public Visit() {}

    public Visit(String description) {
        this.description = description;
    }
}
