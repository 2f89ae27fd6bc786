package io.databridge.query;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** A wide-ish row for the streaming test. */
@Table
public record Event(@Id Long id, String payload) {}
