package io.databridge.relation;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

@Table(name = "pet_types")
public record PetType(@Id Integer id, String name) {}
