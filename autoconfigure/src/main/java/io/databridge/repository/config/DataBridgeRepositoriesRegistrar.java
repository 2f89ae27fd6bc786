package io.databridge.repository.config;

import io.databridge.repository.PgRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.util.ClassUtils;

/**
 * Scans packages for interfaces extending {@link PgRepository} (skipping {@link NoRepositoryBean @NoRepositoryBean}
 * ones) and registers a {@link PgRepositoryFactoryBean} for each, named after the interface ({@code userRepository}).
 * Imported by {@link EnableDataBridgeRepositories} (its packages) and by the auto-configuration (the application's
 * {@link AutoConfigurationPackages}). Also registers a {@link RepositoryScan} bean that records the packages, which is
 * how the auto-configuration knows to back off after an explicit {@code @EnableDataBridgeRepositories}. Each
 * {@code @EnableDataBridgeRepositories} registers its own packages, bound to its {@code dataBridgeRef} and {@code
 * transactionManagerRef}, so several databases each get their repositories.
 */
public final class DataBridgeRepositoriesRegistrar
        implements ImportBeanDefinitionRegistrar, ResourceLoaderAware, EnvironmentAware, BeanFactoryAware {

    /** The name of the {@link RepositoryScan} bean. */
    public static final String SCAN_BEAN_NAME = "io.databridge.repository.config.repositoryScan";

    private @Nullable ResourceLoader resourceLoader;
    private @Nullable Environment environment;
    private @Nullable BeanFactory beanFactory;

    /** Created by Spring when imported. */
    public DataBridgeRepositoriesRegistrar() {}

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, @Nullable Object> attributes =
                metadata.getAnnotationAttributes(EnableDataBridgeRepositories.class.getName());
        List<String> packages = packages(metadata, attributes);
        if (registry.containsBeanDefinition(SCAN_BEAN_NAME)) {
            if (attributes == null) {
                return; // the auto-configuration's default scan, after an explicit one
            }
        } else {
            RootBeanDefinition scan = new RootBeanDefinition(RepositoryScan.class);
            scan.getConstructorArgumentValues().addIndexedArgumentValue(0, List.copyOf(packages));
            scan.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(SCAN_BEAN_NAME, scan);
        }
        String dataBridgeRef = attribute(attributes, "dataBridgeRef");
        String transactionManagerRef = attribute(attributes, "transactionManagerRef");
        for (Class<?> repositoryInterface : scan(packages)) {
            RootBeanDefinition definition = new RootBeanDefinition(PgRepositoryFactoryBean.class);
            definition.setTargetType(
                    ResolvableType.forClassWithGenerics(PgRepositoryFactoryBean.class, repositoryInterface));
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, repositoryInterface);
            definition.getPropertyValues().add("dataBridgeRef", dataBridgeRef);
            definition.getPropertyValues().add("transactionManagerRef", transactionManagerRef);
            definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, repositoryInterface);
            String name = beanName(repositoryInterface);
            registry.registerBeanDefinition(
                    registry.containsBeanDefinition(name) ? repositoryInterface.getName() : name, definition);
        }
    }

    private static String attribute(@Nullable Map<String, @Nullable Object> attributes, String name) {
        Object value = attributes == null ? null : attributes.get(name);
        return value instanceof String text ? text.trim() : "";
    }

    private List<String> packages(AnnotationMetadata metadata, @Nullable Map<String, @Nullable Object> attributes) {
        if (attributes == null) {
            BeanFactory factory = beanFactory;
            return factory != null && AutoConfigurationPackages.has(factory)
                    ? AutoConfigurationPackages.get(factory)
                    : List.of();
        }
        Set<String> packages = new LinkedHashSet<>();
        for (String name : (String[]) attributes.getOrDefault("basePackages", new String[0])) {
            if (!name.isBlank()) {
                packages.add(name.trim());
            }
        }
        for (Class<?> type : (Class<?>[]) attributes.getOrDefault("basePackageClasses", new Class<?>[0])) {
            packages.add(type.getPackageName());
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        return new ArrayList<>(packages);
    }

    private List<Class<?>> scan(List<String> packages) {
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(
                        false,
                        environment != null ? environment : new org.springframework.core.env.StandardEnvironment()) {
                    @Override
                    protected boolean isCandidateComponent(
                            org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                        return definition.getMetadata().isInterface()
                                && definition.getMetadata().isIndependent()
                                && !PgRepository.class
                                        .getName()
                                        .equals(definition.getMetadata().getClassName());
                    }
                };
        if (resourceLoader != null) {
            scanner.setResourceLoader(resourceLoader);
        }
        scanner.addIncludeFilter(new AssignableTypeFilter(PgRepository.class));
        scanner.addExcludeFilter(new AnnotationTypeFilter(NoRepositoryBean.class));
        ClassLoader classLoader = resourceLoader != null ? resourceLoader.getClassLoader() : null;
        Set<Class<?>> found = new LinkedHashSet<>();
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                String className = candidate.getBeanClassName();
                if (className != null) {
                    found.add(ClassUtils.resolveClassName(className, classLoader));
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static String beanName(Class<?> repositoryInterface) {
        String simple = repositoryInterface.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /**
     * The packages scanned for repositories.
     *
     * @param packages the base packages
     */
    public record RepositoryScan(List<String> packages) {}
}
