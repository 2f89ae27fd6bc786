package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "pets")
public class Pet {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ManyToOne
    @JoinColumn(name = "owner_id")
    public Owner owner;

    @ManyToOne
    @JoinColumn(name = "type_id")
    public PetType type;

    @OneToMany(mappedBy = "pet")
    public List<Visit> visits = new ArrayList<>();

    public Pet() {}

    public Pet(String name) {
        this.name = name;
    }
}
