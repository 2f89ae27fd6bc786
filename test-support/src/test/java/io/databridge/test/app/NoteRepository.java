package io.databridge.test.app;

import io.databridge.repository.PgRepository;

/** Notes. */
public interface NoteRepository extends PgRepository<Note, Long> {}
