package io.databridge.relation.strategy;

import io.databridge.mapping.FetchStrategy;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.Loading;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** A default plan (its city, always, by JOIN) and a lazily loaded to-many. */
@Table(name = "st_keepers")
public class Keeper {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ManyToOne
    @JoinColumn(name = "city_id")
    @Loading(always = true, strategy = FetchStrategy.JOIN)
    public City city;

    @OneToMany(mappedBy = "keeper")
    @OrderBy("title")
    @Loading(lazy = true)
    public List<Chore> chores = new ArrayList<>();
}
