package io.databridge.benchmarks;

/** A record projection of a person row (scenario 11). */
public record PersonRow(Long id, String email, String name, int age) {}
