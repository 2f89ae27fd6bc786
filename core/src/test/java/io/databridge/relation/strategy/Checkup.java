package io.databridge.relation.strategy;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.Table;

/** The third level: a checkup of an {@link Animal}. */
@Table(name = "st_checkups")
public class Checkup {
    @Id
    @GeneratedValue
    public Long id;

    public String note;

    @ManyToOne
    @JoinColumn(name = "animal_id")
    public Animal animal;
}
