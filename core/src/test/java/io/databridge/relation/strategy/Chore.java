package io.databridge.relation.strategy;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.Table;

/** A lazily loaded child of {@link Keeper}. */
@Table(name = "st_chores")
public class Chore {
    @Id
    @GeneratedValue
    public Long id;

    public String title;

    @ManyToOne
    @JoinColumn(name = "keeper_id")
    public Keeper keeper;

    public Chore() {}

    public Chore(String title) {
        this.title = title;
    }
}
