package io.databridge.starter;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Table;
import java.util.Map;

/** An entity with a jsonb property, as a non-web application would declare it. */
@Table(name = "starter_notes")
public record Note(@Id @GeneratedValue Long id, @Json Map<String, Object> attributes) {}
