package com.example.notes;

import io.databridge.DataBridge;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class NoteService {

    private final NoteRepository notes;
    private final DataBridge db;

    @Transactional
    public Note write(String title, String body, List<String> tags) {
        Note note = new Note(title, body, tags);
        note.setAttributes(Map.of("words", body == null ? 0 : body.split("\\s+").length));
        return notes.insert(note);
    }

    @Transactional
    public long publishAllTitled(String prefix) {
        return db.from(Note.class)
                .where(Note_.title.startsWith(prefix))
                .set(Note_.status, NoteStatus.PUBLISHED)
                .update();
    }
}
