package io.databridge.query;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** A job-queue row. */
@Table
public record Job(@Id @GeneratedValue Long id, String status, String payload) {}
