package io.databridge.relation;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

@Table(name = "specialties")
public record Specialty(@Id Integer id, String name) {}
