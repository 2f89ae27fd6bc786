package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.OneToOne;
import io.databridge.mapping.Table;

@Table(name = "people")
public class Person {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @OneToOne(mappedBy = "holder")
    public Passport passport;
}
