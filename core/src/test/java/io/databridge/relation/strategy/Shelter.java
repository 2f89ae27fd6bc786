package io.databridge.relation.strategy;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** A root with a nullable to-one and a to-many of typed children, for the fetch strategies. */
@Table(name = "st_shelters")
public class Shelter {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ManyToOne
    @JoinColumn(name = "city_id")
    public City city;

    @OneToMany(mappedBy = "shelter")
    @OrderBy("amount DESC, id")
    public List<Animal> animals = new ArrayList<>();
}
