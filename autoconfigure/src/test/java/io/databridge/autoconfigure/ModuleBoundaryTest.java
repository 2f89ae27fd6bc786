package io.databridge.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md rule 11: {@code internal} packages are not used across modules. */
class ModuleBoundaryTest {

    private static final JavaClasses AUTOCONFIGURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.databridge.autoconfigure", "io.databridge.repository.config");

    @Test
    void autoConfigurationUsesOnlyThePublicApiOfCore() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.databridge.internal..")
                .check(AUTOCONFIGURE);
    }
}
