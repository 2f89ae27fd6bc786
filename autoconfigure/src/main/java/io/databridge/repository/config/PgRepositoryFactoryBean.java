package io.databridge.repository.config;

import io.databridge.DataBridge;
import io.databridge.repository.PgRepository;
import io.databridge.repository.PgRepositoryFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Creates one repository bean, when the context starts (so a method that cannot be implemented stops startup). For
 * each interface the repository extends besides {@link PgRepository} (a fragment, e.g. {@code UserRepositoryCustom}),
 * the class of the same name plus {@code Impl} is the implementation: its bean when there is one, else an instance
 * created and autowired by the context.
 *
 * @param <R> the repository interface
 */
public final class PgRepositoryFactoryBean<R>
        implements FactoryBean<R>, BeanFactoryAware, BeanClassLoaderAware, InitializingBean {

    private final Class<R> repositoryInterface;
    private @Nullable BeanFactory beanFactory;
    private @Nullable ClassLoader classLoader;
    private @Nullable R repository;

    /**
     * Creates the factory bean.
     *
     * @param repositoryInterface the repository interface
     */
    public PgRepositoryFactoryBean(Class<R> repositoryInterface) {
        this.repositoryInterface = repositoryInterface;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        BeanFactory factory = beanFactory;
        if (factory == null) {
            throw new IllegalStateException("PgRepositoryFactoryBean needs a BeanFactory");
        }
        DataBridge db = factory.getBean(DataBridge.class);
        PlatformTransactionManager transactionManager =
                factory.getBeanProvider(PlatformTransactionManager.class).getIfUnique();
        TransactionOperations transactions = transactionManager != null
                ? new TransactionTemplate(transactionManager)
                : TransactionOperations.withoutTransaction();
        repository = new PgRepositoryFactory(db, transactions).create(repositoryInterface, fragments(factory));
        MissingMetamodelWarning.check(repositoryInterface, classLoader);
    }

    private List<Object> fragments(BeanFactory factory) {
        List<Object> fragments = new ArrayList<>();
        for (Class<?> candidate : superInterfaces(repositoryInterface, new LinkedHashSet<>())) {
            if (candidate.isAssignableFrom(PgRepository.class) || PgRepository.class.isAssignableFrom(candidate)) {
                continue;
            }
            String implementation = candidate.getName() + "Impl";
            if (!ClassUtils.isPresent(implementation, classLoader)) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(implementation, classLoader);
            Object fragment = factory.getBeanProvider(type).getIfAvailable();
            if (fragment == null) {
                if (!(factory instanceof AutowireCapableBeanFactory autowiring)) {
                    throw new IllegalStateException(
                            "Cannot create " + implementation + " for " + repositoryInterface.getName());
                }
                fragment = autowiring.createBean(type);
            }
            fragments.add(fragment);
        }
        return fragments;
    }

    private static Set<Class<?>> superInterfaces(Class<?> type, Set<Class<?>> found) {
        for (Class<?> parent : type.getInterfaces()) {
            if (found.add(parent)) {
                superInterfaces(parent, found);
            }
        }
        return found;
    }

    @Override
    public R getObject() {
        R created = repository;
        if (created == null) {
            throw new IllegalStateException(repositoryInterface.getName() + " has not been created yet");
        }
        return created;
    }

    @Override
    public Class<R> getObjectType() {
        return repositoryInterface;
    }
}
