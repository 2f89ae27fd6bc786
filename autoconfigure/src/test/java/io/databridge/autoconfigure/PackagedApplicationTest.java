package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How data-bridge tells a packaged application from a development run. */
class PackagedApplicationTest {

    @Test
    void thisTestRunIsNotPackaged() {
        assertThat(PackagedApplication.isPackaged()).isFalse();
    }

    @Test
    void aJarNestedInTheApplicationJarIsPackaged() {
        String nested = "jar:nested:/srv/app.jar/!BOOT-INF/lib/data-bridge-spring-boot-autoconfigure-0.1.0.jar!/";
        assertThat(PackagedApplication.isPackaged(getClass().getClassLoader(), nested))
                .isTrue();
    }
}
