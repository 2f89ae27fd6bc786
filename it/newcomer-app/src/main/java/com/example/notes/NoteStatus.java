package com.example.notes;

public enum NoteStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
