package io.databridge.benchmarks;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** The target of scenario 9b (bulk upsert): an assigned id, no version. */
@Table(name = "person_upsert")
public record DbUpsertPerson(@Id long id, String email, String name, int age, boolean active) {

    /** The n-th row (0-based) of an upsert call; {@code round} changes the name so every call writes new values. */
    static DbUpsertPerson of(int n, long round) {
        return new DbUpsertPerson(n + 1, BenchDatabase.email(n), "upsert " + round % 2, n % 100, n % 2 == 0);
    }
}
