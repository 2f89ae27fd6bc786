package io.databridge.benchmarks.sdjdbc;

import org.springframework.data.repository.ListCrudRepository;

/** Inserts into {@code person_insert}. */
public interface JdbcNewPersonRepository extends ListCrudRepository<JdbcNewPerson, Long> {}
