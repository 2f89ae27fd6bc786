package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinTable;
import io.databridge.mapping.ManyToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import java.util.LinkedHashSet;
import java.util.Set;

@Table(name = "vets")
public class Vet {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ManyToMany
    @JoinTable(name = "vet_specialties", joinColumn = "vet_id", inverseJoinColumn = "specialty_id")
    @OrderBy("name")
    public Set<Specialty> specialties = new LinkedHashSet<>();

    public Vet() {}

    public Vet(String name) {
        this.name = name;
    }
}
