package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "owners")
public class Owner {
    @Id
    @GeneratedValue
    public Long id;

    public String lastName;

    @OneToMany(mappedBy = "owner")
    @OrderBy("name")
    public List<Pet> pets = new ArrayList<>();

    public Owner() {}

    public Owner(String lastName) {
        this.lastName = lastName;
    }
}
