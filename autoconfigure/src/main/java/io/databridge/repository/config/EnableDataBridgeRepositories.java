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
 *
 * With several databases, bind each package to its own {@code DataBridge} and transaction manager by bean name (one
 * annotation per package, each on its own {@code @Configuration} class):
 *
 * <pre>{@code
 * @Configuration
 * @EnableDataBridgeRepositories(basePackages = "com.example.billing",
 *         dataBridgeRef = "billingDataBridge", transactionManagerRef = "billingTransactionManager")
 * class BillingRepositories {}
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

    /**
     * The name of the {@code DataBridge} bean the repositories use. Empty (the default): the context's only (or
     * {@code @Primary}) {@code DataBridge}.
     *
     * @return the bean name, or empty
     */
    String dataBridgeRef() default "";

    /**
     * The name of the transaction manager the repositories' multi-statement methods ({@code saveAll}, {@code
     * deleteAll}, ...) run in. Empty (the default): the context's only (or {@code @Primary}) transaction manager; when
     * {@link #dataBridgeRef()} is set and the context has several transaction managers, this must be set too.
     *
     * @return the bean name, or empty
     */
    String transactionManagerRef() default "";
}
