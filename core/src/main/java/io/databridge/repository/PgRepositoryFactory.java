package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModelSource;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.JavaTypes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.data.repository.core.RepositoryCreationException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Creates repository proxies. Each method of the interface is compiled once, here: a {@link PgRepository} method is
 * bound to the entity's CRUD implementation, a {@link Query @Query} method is parsed and checked, a derived query
 * method ({@code findByEmail}) is parsed with Spring Data's {@code PartTree} into a query DSL template, a default method
 * calls its body, and a method of another interface the repository extends (a fragment, e.g.
 * {@code UserRepositoryCustom}) is bound to the fragment implementation passed in. Anything else fails creation with a
 * {@link RepositoryDefinitionException}.
 *
 * <p>Without Spring Boot:
 *
 * <pre>{@code
 * PgRepositoryFactory factory = new PgRepositoryFactory(db, new TransactionTemplate(transactionManager));
 * UserRepository users = factory.create(UserRepository.class, List.of(new UserRepositoryCustomImpl(db)));
 * }</pre>
 *
 * Thread-safe; so are the repositories it creates.
 */
public final class PgRepositoryFactory {

    /** Method names Spring Data would derive a query from. */
    private static final Pattern DERIVED_QUERY =
            Pattern.compile("^(find|read|get|query|search|stream|count|exists|delete|remove)\\p{Alnum}*By.*");

    private final DataBridge db;
    private final TransactionOperations transactions;

    /**
     * Creates a factory whose multi-row writes ({@code saveAll}, {@code deleteAll(Iterable)}) join the caller's
     * transaction and open none of their own.
     *
     * @param db the engine
     */
    public PgRepositoryFactory(DataBridge db) {
        this(db, TransactionOperations.withoutTransaction());
    }

    /**
     * Creates a factory.
     *
     * @param db the engine
     * @param transactions runs multi-row writes, so they are all or nothing without a caller's transaction
     */
    public PgRepositoryFactory(DataBridge db, TransactionOperations transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /**
     * Creates a repository without fragments.
     *
     * @param repositoryInterface an interface extending {@link PgRepository}
     * @param <R> the repository type
     * @return the repository
     * @throws RepositoryDefinitionException when a method cannot be implemented
     * @throws RepositoryCreationException when the interface does not name its entity and id types
     */
    public <R> R create(Class<R> repositoryInterface) {
        return create(repositoryInterface, List.of());
    }

    /**
     * Creates a repository.
     *
     * @param repositoryInterface an interface extending {@link PgRepository}
     * @param fragments implementations of the other interfaces it extends
     * @param <R> the repository type
     * @return the repository
     * @throws RepositoryDefinitionException when a method cannot be implemented
     * @throws RepositoryCreationException when the interface does not name its entity and id types
     */
    public <R> R create(Class<R> repositoryInterface, Collection<?> fragments) {
        if (!repositoryInterface.isInterface() || !PgRepository.class.isAssignableFrom(repositoryInterface)) {
            throw new RepositoryCreationException(
                    repositoryInterface.getName() + " must be an interface extending PgRepository",
                    repositoryInterface);
        }
        ResolvableType generics = ResolvableType.forClass(repositoryInterface).as(PgRepository.class);
        Class<?> entityType = generics.getGeneric(0).resolve();
        Class<?> idType = generics.getGeneric(1).resolve();
        if (entityType == null || idType == null) {
            throw new RepositoryCreationException(
                    repositoryInterface.getSimpleName()
                            + " must name its entity and id types: extend PgRepository<User, Long>, not a raw or generic"
                            + " PgRepository",
                    repositoryInterface);
        }
        return create(repositoryInterface, PgRepositoryFactory.models(db).get(entityType), idType, fragments);
    }

    private <R, T> R create(
            Class<R> repositoryInterface, EntityModel<T> model, Class<?> idType, Collection<?> fragments) {
        Class<?> modelIdType = JavaTypes.box(model.id().valueType().rawType());
        if (!JavaTypes.box(idType).equals(modelIdType)) {
            throw new RepositoryCreationException(
                    repositoryInterface.getSimpleName() + " declares id type " + idType.getSimpleName() + " but the @Id"
                            + " of " + model.type().getSimpleName() + " is " + modelIdType.getSimpleName()
                            + " (make them the same)",
                    repositoryInterface);
        }
        // Relations are resolved now, so a mappedBy or join column mistake fails at startup.
        db.fetch(model.type(), List.of());
        DefaultPgRepository<T, Object> crud = new DefaultPgRepository<>(db, model, transactions);
        QueryMethodCompiler queries = new QueryMethodCompiler(repositoryInterface, db, crud.order());
        DerivedQueryCompiler<T> derived = new DerivedQueryCompiler<>(repositoryInterface, db, model, crud.order());
        Map<Method, MethodInvoker> invokers = new HashMap<>();
        for (Method method : repositoryInterface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            MethodInvoker invoker = compile(repositoryInterface, method, crud, queries, derived, fragments);
            Fetch fetch = method.getAnnotation(Fetch.class);
            invokers.put(
                    method,
                    fetch == null || method.isBridge()
                            ? invoker
                            : FetchingInvoker.of(
                                    repositoryInterface,
                                    method,
                                    fetch,
                                    db,
                                    model,
                                    invoker,
                                    isQuery(repositoryInterface, method)));
        }
        InvocationHandler handler = new RepositoryInvocationHandler(
                repositoryInterface.getSimpleName() + " (data-bridge repository of "
                        + model.type().getSimpleName() + ")",
                invokers);
        return repositoryInterface.cast(Proxy.newProxyInstance(
                repositoryInterface.getClassLoader(), new Class<?>[] {repositoryInterface}, handler));
    }

    private MethodInvoker compile(
            Class<?> repositoryInterface,
            Method method,
            DefaultPgRepository<?, ?> crud,
            QueryMethodCompiler queries,
            DerivedQueryCompiler<?> derived,
            Collection<?> fragments) {
        Query query = method.getAnnotation(Query.class);
        if (query == null) {
            rejectLookAlikeQuery(repositoryInterface, method);
        }
        if (query != null) {
            return queries.compile(method, query);
        }
        if (method.isDefault()) {
            return (proxy, args) -> InvocationHandler.invokeDefault(proxy, method, args);
        }
        Method crudMethod = crudMethod(method);
        if (crudMethod != null) {
            return bind(crud, crudMethod, method.getParameterCount());
        }
        Class<?> declaring = method.getDeclaringClass();
        if (declaring != repositoryInterface) {
            for (Object fragment : fragments) {
                if (declaring.isInstance(fragment)) {
                    return bind(fragment, method, method.getParameterCount());
                }
            }
            throw new RepositoryDefinitionException(
                    repositoryInterface,
                    method,
                    "it is declared in " + declaring.getSimpleName() + " but no implementation of that interface was"
                            + " found (add a class " + declaring.getSimpleName() + "Impl implementing it)");
        }
        if (DERIVED_QUERY.matcher(method.getName()).matches()) {
            return derived.compile(method);
        }
        throw new RepositoryDefinitionException(
                repositoryInterface,
                method,
                "it is neither a PgRepository method, a @Query method, a default method, nor part of a fragment"
                        + " (annotate it with @Query, or declare it in " + repositoryInterface.getSimpleName()
                        + "Custom and implement that in " + repositoryInterface.getSimpleName() + "CustomImpl)");
    }

    /** Whether the method is one query of the repository's entity: CRUD, derived or {@code @Query}. */
    private static boolean isQuery(Class<?> repositoryInterface, Method method) {
        return !method.isDefault()
                && (method.getAnnotation(Query.class) != null
                        || crudMethod(method) != null
                        || method.getDeclaringClass() == repositoryInterface);
    }

    private static @Nullable Method crudMethod(Method method) {
        try {
            Method declared = PgRepository.class.getMethod(method.getName(), method.getParameterTypes());
            return DefaultPgRepository.class.getMethod(declared.getName(), declared.getParameterTypes());
        } catch (NoSuchMethodException ex) {
            return null;
        }
    }

    private static MethodInvoker bind(Object target, Method method, int parameterCount) {
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup()
                    .unreflect(method)
                    .bindTo(target)
                    .asSpreader(Object[].class, parameterCount)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException ex) {
            throw new IllegalStateException(
                    "Cannot bind " + method + " to " + target.getClass().getName(), ex);
        }
        return (proxy, args) -> (Object) handle.invokeExact(args);
    }

    /**
     * The entity models of the engine behind {@code db}, so repository methods compile against the models and codecs
     * the engine itself uses.
     *
     * @param db the facade
     * @return its models
     * @throws IllegalArgumentException when {@code db} was not built by {@link DataBridge#create} or
     *     {@link DataBridge#builder} (a decorator or proxy around it hides the engine)
     */
    static EntityModels models(DataBridge db) {
        if (db instanceof EntityModelSource engine) {
            return engine.models();
        }
        throw new IllegalArgumentException("Repositories need the DataBridge built by DataBridge.create(...) or"
                + " DataBridge.builder(...), not a " + db.getClass().getName()
                + ": pass that instance (not a decorator or proxy around it) to PgRepositoryFactory");
    }

    /**
     * Spring Data's {@code @Query} annotations (JDBC, JPA, R2DBC, ...) look like data-bridge's but are not read, and
     * their text may not even be SQL (JPQL): fail naming the one imported rather than parsing the method name.
     */
    private static void rejectLookAlikeQuery(Class<?> repositoryInterface, Method method) {
        for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
            Class<?> type = annotation.annotationType();
            if (type.getSimpleName().equals("Query") && type.getName().startsWith("org.springframework.data.")) {
                throw new RepositoryDefinitionException(
                        repositoryInterface,
                        method,
                        "it is annotated with " + type.getName() + ", which data-bridge does not read; import "
                                + Query.class.getName() + " instead");
            }
        }
    }
}
