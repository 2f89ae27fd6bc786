package io.databridge.relation.strategy;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** The to-one lookup of {@link Shelter}, a record. */
@Table(name = "st_cities")
public record City(@Id Integer id, String name) {}
