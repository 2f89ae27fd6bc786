package com.example.notes;

import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import io.databridge.types.EnumType;
import java.util.List;
import java.util.Map;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@Table(name = "notes")
public class Note {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    private String body;

    @Enumerated(EnumType.POSTGRES)
    private NoteStatus status = NoteStatus.DRAFT;

    private List<String> tags = List.of();

    @Json
    private Map<String, Object> attributes;

    @Version
    private long version;

    public Note(String title, String body, List<String> tags) {
        this.title = title;
        this.body = body;
        this.tags = tags;
    }
}
