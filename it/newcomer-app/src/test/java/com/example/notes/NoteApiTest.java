package com.example.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The whole application over HTTP, on the embedded PostgreSQL (no URL configured, data-bridge-embedded present). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class NoteApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    NoteRepository notes;

    @Autowired
    NoteService service;

    @Test
    void servesAPagedSortedListOverHttp() {
        notes.deleteAll();
        for (String title : List.of("apple", "cherry", "banana")) {
            http.post()
                    .uri("/notes")
                    .body(new NoteController.NewNote(title, "some words here", List.of("fruit")))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        http.get()
                .uri("/notes?page=0&size=2&sort=title,desc")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[*].title")
                .isEqualTo(List.of("cherry", "banana"))
                .jsonPath("$.content[0].tags[0]")
                .isEqualTo("fruit")
                .jsonPath("$.content[0].attributes.words")
                .isEqualTo(3)
                .jsonPath("$.page.totalElements")
                .isEqualTo(3);
    }

    @Test
    void derivedQueriesTheQueryAnnotationAndTheDslWorkTogether() {
        notes.deleteAll();
        service.write("draft one", "x", List.of("a"));
        service.write("draft two", "y", List.of("b", "a"));
        service.write("final", "z", List.of("c"));

        assertThat(service.publishAllTitled("draft")).isEqualTo(2);
        assertThat(notes.countByTitleStartingWith("draft")).isEqualTo(2);
        assertThat(notes.tagged("a")).extracting(Note::getTitle).containsExactly("draft one", "draft two");
        assertThat(notes.findByStatus(NoteStatus.PUBLISHED, org.springframework.data.domain.PageRequest.of(0, 10))
                        .getTotalElements())
                .isEqualTo(2);
    }
}
