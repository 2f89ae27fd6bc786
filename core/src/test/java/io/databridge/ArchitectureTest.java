package io.databridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of STYLE.md, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.databridge");

    @Test
    void coreNeverDependsOnSpringBoot() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.boot..")
                .check(CORE);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("io.databridge.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theEngineNeverDependsOnTheFacade() {
        noClasses()
                .that()
                .resideInAPackage("io.databridge.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.databridge", "io.databridge.repository..")
                .check(CORE);
    }
}
