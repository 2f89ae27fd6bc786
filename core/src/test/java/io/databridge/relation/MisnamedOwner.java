package io.databridge.relation;

import io.databridge.mapping.Id;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.Table;
import java.util.List;

@Table(name = "misnamed_owners")
public record MisnamedOwner(
        @Id Long id, @OneToMany(mappedBy = "ownr") List<MisnamedOwner.MisnamedPet> pets) {

    @Table(name = "misnamed_pets")
    public record MisnamedPet(@Id Long id, @ManyToOne MisnamedOwner owner) {}
}
