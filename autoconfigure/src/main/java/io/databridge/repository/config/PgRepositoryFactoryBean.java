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
import org.springframework.beans.factory.ListableBeanFactory;
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
    private String dataBridgeRef = "";
    private String transactionManagerRef = "";

    /**
     * Creates the factory bean.
     *
     * @param repositoryInterface the repository interface
     */
    public PgRepositoryFactoryBean(Class<R> repositoryInterface) {
        this.repositoryInterface = repositoryInterface;
    }

    /**
     * Names the {@code DataBridge} bean the repository uses (empty: the context's only or primary one).
     *
     * @param dataBridgeRef the bean name, or empty
     */
    public void setDataBridgeRef(String dataBridgeRef) {
        this.dataBridgeRef = dataBridgeRef;
    }

    /**
     * Names the transaction manager the repository's multi-statement methods run in (empty: the context's only or
     * primary one).
     *
     * @param transactionManagerRef the bean name, or empty
     */
    public void setTransactionManagerRef(String transactionManagerRef) {
        this.transactionManagerRef = transactionManagerRef;
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
        DataBridge db = dataBridge(factory);
        PlatformTransactionManager transactionManager = transactionManager(factory);
        TransactionOperations transactions = transactionManager != null
                ? new TransactionTemplate(transactionManager)
                : TransactionOperations.withoutTransaction();
        repository = new PgRepositoryFactory(db, transactions).create(repositoryInterface, fragments(factory));
        MissingMetamodelWarning.check(repositoryInterface, classLoader);
    }

    private DataBridge dataBridge(BeanFactory factory) {
        if (!dataBridgeRef.isEmpty()) {
            return named(factory, dataBridgeRef, DataBridge.class, "dataBridgeRef");
        }
        DataBridge db = factory.getBeanProvider(DataBridge.class).getIfUnique();
        if (db == null) {
            throw new IllegalStateException(repositoryInterface.getName() + " needs one DataBridge but the context has "
                    + beanNames(factory, DataBridge.class) + "; bind its package with"
                    + " @EnableDataBridgeRepositories(basePackages = \"" + repositoryInterface.getPackageName()
                    + "\", dataBridgeRef = \"...\", transactionManagerRef = \"...\") or mark one DataBridge @Primary");
        }
        return db;
    }

    private @Nullable PlatformTransactionManager transactionManager(BeanFactory factory) {
        if (!transactionManagerRef.isEmpty()) {
            return named(factory, transactionManagerRef, PlatformTransactionManager.class, "transactionManagerRef");
        }
        if (!dataBridgeRef.isEmpty()
                && factory instanceof ListableBeanFactory listable
                && listable.getBeanNamesForType(PlatformTransactionManager.class).length > 1) {
            throw new IllegalStateException(repositoryInterface.getName() + " is bound to DataBridge '"
                    + dataBridgeRef + "' but the context has several transaction managers "
                    + beanNames(factory, PlatformTransactionManager.class)
                    + "; name the one of its data source with @EnableDataBridgeRepositories(transactionManagerRef ="
                    + " \"...\")");
        }
        return factory.getBeanProvider(PlatformTransactionManager.class).getIfUnique();
    }

    private <B> B named(BeanFactory factory, String name, Class<B> type, String attribute) {
        if (!factory.containsBean(name) || !factory.isTypeMatch(name, type)) {
            throw new IllegalStateException(repositoryInterface.getName() + ": @EnableDataBridgeRepositories("
                    + attribute + " = \"" + name + "\") names no " + type.getSimpleName() + " bean; the context has "
                    + beanNames(factory, type));
        }
        return factory.getBean(name, type);
    }

    private static List<String> beanNames(BeanFactory factory, Class<?> type) {
        return factory instanceof ListableBeanFactory listable
                ? List.of(listable.getBeanNamesForType(type))
                : List.of();
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
