package io.databridge.repository;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.data.repository.core.RepositoryCreationException;

/**
 * A repository method data-bridge cannot implement. Thrown when the repository is created (at application startup),
 * never on a call. The message has one fixed shape: {@code UserRepository.findByEmail(String): problem (hint)}.
 */
public final class RepositoryDefinitionException extends RepositoryCreationException {

    private static final long serialVersionUID = 1L;

    private final transient Method method;

    /**
     * Creates the exception.
     *
     * @param repositoryInterface the repository interface
     * @param method the method
     * @param problem what is wrong, followed by the fix in parentheses
     */
    public RepositoryDefinitionException(Class<?> repositoryInterface, Method method, String problem) {
        super(describe(repositoryInterface, method) + ": " + problem, repositoryInterface);
        this.method = method;
    }

    /**
     * The method that cannot be implemented.
     *
     * @return the method
     */
    public Method getMethod() {
        return method;
    }

    /**
     * Names a method as messages do: {@code UserRepository.search(String, Pageable)}.
     *
     * @param repositoryInterface the repository interface
     * @param method the method
     * @return the description
     */
    public static String describe(Class<?> repositoryInterface, Method method) {
        return repositoryInterface.getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
