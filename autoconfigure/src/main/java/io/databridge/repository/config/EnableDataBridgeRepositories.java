package io.databridge.repository.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Registers every interface extending {@link io.databridge.repository.PgRepository} in the given packages as a bean.
 * Without this annotation Spring Boot scans the application's packages (those of the {@code @SpringBootApplication}
 * class); with it, only the packages named here (or, when none are named, the annotated class's package).
 *
 * <pre>{@code
 * @SpringBootApplication
 * @EnableDataBridgeRepositories(basePackages = "com.example.persistence")
 * class Application {}
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(DataBridgeRepositoriesRegistrar.class)
public @interface EnableDataBridgeRepositories {

    /**
     * Alias for {@link #basePackages()}.
     *
     * @return the packages to scan
     */
    @AliasFor("basePackages")
    String[] value() default {};

    /**
     * The packages to scan for repository interfaces, including sub-packages.
     *
     * @return the packages
     */
    @AliasFor("value")
    String[] basePackages() default {};

    /**
     * Classes whose packages are scanned; a type-safe alternative to {@link #basePackages()}.
     *
     * @return the marker classes
     */
    Class<?>[] basePackageClasses() default {};
}
