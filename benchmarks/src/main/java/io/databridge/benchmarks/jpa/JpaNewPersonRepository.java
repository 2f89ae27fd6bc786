package io.databridge.benchmarks.jpa;

import org.springframework.data.repository.ListCrudRepository;

/** Inserts into {@code person_insert}. */
public interface JpaNewPersonRepository extends ListCrudRepository<JpaNewPerson, Long> {}
