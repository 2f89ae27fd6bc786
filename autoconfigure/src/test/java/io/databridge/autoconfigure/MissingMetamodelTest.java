package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.autoconfigure.repos.good.ItemRepository;
import io.databridge.autoconfigure.repos.withmetamodel.GadgetRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * A repository whose entity has no generated metamodel (this module's tests are compiled without data-bridge-processor,
 * as a build with annotationProcessorPaths that omit it would be) is named at startup with the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingMetamodelTest {

    @Test
    void entityWithoutMetamodelIsReportedWithTheProcessorToDeclare(CapturedOutput output) {
        Runners.withTestDatabase().withUserConfiguration(GoodPackage.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ItemRepository.class);
            assertThat(output)
                    .contains("The metamodel Item_ of Item (entity of ItemRepository) was not generated: the"
                            + " annotation processor io.databridge:data-bridge-processor did not run, so the query"
                            + " DSL's Item_ columns do not compile. A build that lists annotationProcessorPaths (e.g."
                            + " for Lombok or spring-boot-configuration-processor), and javac 23 or later, runs only"
                            + " the processors listed there: add data-bridge-processor to the annotationProcessorPaths"
                            + " of maven-compiler-plugin (Gradle: the annotationProcessor configuration), as"
                            + " docs/getting-started.md shows.");
        });
    }

    @Test
    void entityWithItsMetamodelIsNotReported(CapturedOutput output) {
        Runners.withTestDatabase()
                .withUserConfiguration(WithMetamodelPackage.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(GadgetRepository.class);
                    assertThat(output).doesNotContain("The metamodel");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = ItemRepository.class)
    static class GoodPackage {}

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = GadgetRepository.class)
    static class WithMetamodelPackage {}
}
