package com.example.notes;

import io.databridge.repository.Param;
import io.databridge.repository.PgRepository;
import io.databridge.repository.Query;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

public interface NoteRepository extends PgRepository<Note, Long> {

    Page<Note> findByStatus(NoteStatus status, Pageable pageable);

    long countByTitleStartingWith(String prefix);

    @Query("SELECT * FROM notes WHERE :tag = ANY(tags) ORDER BY id")
    List<Note> tagged(@Param("tag") String tag);
}
