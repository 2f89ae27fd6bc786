package io.databridge.relation;

import io.databridge.mapping.Id;
import io.databridge.mapping.OneToOne;
import io.databridge.mapping.Table;

@Table(name = "passports")
public record Passport(@Id String number, @OneToOne Person holder) {}
