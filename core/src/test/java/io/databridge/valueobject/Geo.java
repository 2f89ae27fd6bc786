package io.databridge.valueobject;

/** A value object nested in {@link Address}. */
public record Geo(Double lat, Double lon) {}
