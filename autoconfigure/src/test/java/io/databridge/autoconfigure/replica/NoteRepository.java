package io.databridge.autoconfigure.replica;

import io.databridge.repository.Modifying;
import io.databridge.repository.PgRepository;
import io.databridge.repository.Query;
import java.util.List;

/** Notes: derived and {@code @Query} reads, and a modifying {@code @Query}. */
public interface NoteRepository extends PgRepository<Note, Long> {

    List<Note> findByBody(String body);

    @Query("SELECT * FROM notes WHERE id >= :from ORDER BY id")
    List<Note> fromId(long from);

    @Modifying
    @Query("UPDATE notes SET body = :body WHERE id = :id")
    int rename(long id, String body);
}
