package io.databridge.valueobject;

import io.databridge.mapping.Column;
import io.databridge.mapping.Embedded;

/** A record value object with a nested one. */
public record Address(
        String street,
        @Column(name = "town") String city,
        @Embedded Geo geo) {}
