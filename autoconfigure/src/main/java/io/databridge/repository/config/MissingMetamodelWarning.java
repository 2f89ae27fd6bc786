package io.databridge.repository.config;

import io.databridge.mapping.Table;
import io.databridge.repository.PgRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Says at startup when the metamodel processor did not run for a repository's entity. Nothing at run time needs the
 * metamodel (repositories and {@code db.from(Customer.class)} work without it), but the query DSL's {@code Customer_}
 * columns do, at compile time: javac 23 and later, and any build that lists {@code annotationProcessorPaths} (as
 * start.spring.io generates for Lombok or the configuration processor), run only the processors listed there, and the
 * only sign is a later {@code package Customer_ does not exist}. A warning, not a failure: the application works.
 */
final class MissingMetamodelWarning {

    private static final Logger logger = LoggerFactory.getLogger(MissingMetamodelWarning.class);

    private MissingMetamodelWarning() {}

    /**
     * Logs one WARN line when the entity of the repository is a {@code @Table} class without its generated metamodel.
     *
     * @param repositoryInterface the repository interface
     * @param classLoader where to look for the metamodel
     */
    static void check(Class<?> repositoryInterface, @Nullable ClassLoader classLoader) {
        String message = message(repositoryInterface, classLoader);
        if (message != null) {
            logger.warn(message);
        }
    }

    static @Nullable String message(Class<?> repositoryInterface, @Nullable ClassLoader classLoader) {
        Class<?> entity = ResolvableType.forClass(repositoryInterface)
                .as(PgRepository.class)
                .getGeneric(0)
                .resolve();
        if (entity == null || !entity.isAnnotationPresent(Table.class)) {
            return null;
        }
        String metamodel = metamodelName(entity);
        if (ClassUtils.isPresent(metamodel, classLoader)) {
            return null;
        }
        return "The metamodel " + ClassUtils.getShortName(metamodel) + " of " + entity.getSimpleName() + " (entity of "
                + repositoryInterface.getSimpleName() + ") was not generated: the annotation processor"
                + " io.databridge:data-bridge-processor did not run, so the query DSL's "
                + ClassUtils.getShortName(metamodel) + " columns do not compile. A build that lists"
                + " annotationProcessorPaths (e.g. for Lombok or spring-boot-configuration-processor), and javac 23"
                + " or later, runs only the processors listed there: add data-bridge-processor to the"
                + " annotationProcessorPaths of maven-compiler-plugin (Gradle: the annotationProcessor configuration),"
                + " as docs/getting-started.md shows.";
    }

    /** {@code com.example.Customer_} for {@code com.example.Customer}, {@code Outer_Customer_} when nested. */
    static String metamodelName(Class<?> entity) {
        return entity.getName().replace('$', '_') + "_";
    }
}
