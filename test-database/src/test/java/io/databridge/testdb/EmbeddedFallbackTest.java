package io.databridge.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/** The embedded fallback is the JVM's shared server, the one a @SpringBootTest application without a URL gets. */
class EmbeddedFallbackTest {

    @Test
    void theEmbeddedFallbackIsTheSharedServer() {
        assertThat(TestDatabase.embedded().jdbcUrl())
                .isEqualTo(EmbeddedPostgresServer.shared().jdbcUrl());
    }
}
