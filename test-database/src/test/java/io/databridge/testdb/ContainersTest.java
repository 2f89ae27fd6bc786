package io.databridge.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Testcontainers fallback runs the PostgreSQL major version of the embedded fallback. */
class ContainersTest {

    @Test
    void theImageHasTheEmbeddedServersMajorVersion() {
        assertThat(System.getenv("DATA_BRIDGE_TEST_POSTGRES_IMAGE"))
                .as("not overridden in this run")
                .isNull();
        assertThat(Containers.image()).isEqualTo("postgres:17-alpine");
    }
}
