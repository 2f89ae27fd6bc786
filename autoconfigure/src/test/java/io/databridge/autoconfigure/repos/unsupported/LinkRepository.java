package io.databridge.autoconfigure.repos.unsupported;

import io.databridge.repository.PgRepository;

/** A repository whose entity cannot be mapped without a codec for {@link java.net.URI}. */
public interface LinkRepository extends PgRepository<Link, Long> {}
