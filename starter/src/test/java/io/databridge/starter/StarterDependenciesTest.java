package io.databridge.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * What an application gets from the starter alone: its class path is this module's (the starter's dependencies, no
 * Spring MVC), and every auto-configuration on it is applied, as in a Spring Boot application.
 */
class StarterDependenciesTest {

    private static final List<String> AUTO_CONFIGURATIONS =
            ImportCandidates.load(AutoConfiguration.class, null).getCandidates();

    @Test
    void springDataWebSupportIsAutoConfiguredForWebApplications() {
        assertThat(AUTO_CONFIGURATIONS)
                .contains("org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration");
    }

    @Test
    void jsonPropertiesWorkWithoutSpringMvc() {
        assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", null))
                .as("this test's class path has no Spring MVC")
                .isFalse();
        TestDatabase database = TestDatabase.get();
        new ApplicationContextRunner()
                .withUserConfiguration(Application.class)
                .withPropertyValues(
                        "data-bridge.datasource.url=" + database.jdbcUrl(),
                        "data-bridge.datasource.username=" + database.username(),
                        "data-bridge.datasource.password=" + database.password(),
                        "data-bridge.migrations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DataBridge db = context.getBean(DataBridge.class);
                    db.sql("DROP TABLE IF EXISTS starter_notes").update();
                    db.sql("CREATE TABLE starter_notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                                    + " attributes jsonb)")
                            .update();
                    try {
                        Note stored = db.insert(new Note(null, Map.of("colour", "blue")));
                        assertThat(db.findById(Note.class, stored.id()))
                                .hasValueSatisfying(
                                        note -> assertThat(note.attributes()).containsEntry("colour", "blue"));
                    } finally {
                        db.sql("DROP TABLE starter_notes").update();
                    }
                });
    }

    /** An application that declares nothing but {@code @EnableAutoConfiguration}. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {}
}
