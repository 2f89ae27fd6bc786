package com.example.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.test.DataBridgeTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The data layer alone: the application's migrations applied to a schema of the test's own. */
@DataBridgeTest
class NoteRepositoryTest {

    @Autowired
    NoteRepository notes;

    @Test
    void storesJsonbArraysAndEnums() {
        Note note = new Note("hello", "one two", List.of("x", "y"));
        note.setStatus(NoteStatus.ARCHIVED);
        note.setAttributes(java.util.Map.of("pinned", true));

        Note stored = notes.insert(note);

        Note found = notes.findById(stored.getId()).orElseThrow();
        assertThat(found.getTags()).containsExactly("x", "y");
        assertThat(found.getStatus()).isEqualTo(NoteStatus.ARCHIVED);
        assertThat(found.getAttributes()).containsEntry("pinned", true);
        assertThat(found.getVersion()).isEqualTo(stored.getVersion());
    }
}
