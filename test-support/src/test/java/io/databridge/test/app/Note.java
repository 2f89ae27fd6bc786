package io.databridge.test.app;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * A note.
 *
 * @param id the generated id
 * @param text the text
 */
@Table(name = "notes")
public record Note(@Id @GeneratedValue @Nullable Long id, String text) {}
