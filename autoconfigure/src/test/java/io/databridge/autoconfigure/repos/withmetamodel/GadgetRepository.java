package io.databridge.autoconfigure.repos.withmetamodel;

import io.databridge.repository.PgRepository;

/** A repository whose entity has its metamodel. */
public interface GadgetRepository extends PgRepository<Gadget, Long> {}
