package io.databridge.valueobject;

import io.databridge.mapping.Embedded;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** A record entity with an assigned id (so save and upsertAll upsert) and a class value object. */
@Table(name = "shops")
public record Shop(
        @Id String code,
        String name,
        @Embedded(prefix = "loc_") Location location) {}
