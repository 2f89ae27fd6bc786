package io.databridge.query;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** An entity with an assigned id and a self reference, for self-joins. */
@Table
public record Employee(@Id Long id, String name, Long managerId, Integer salary) {}
