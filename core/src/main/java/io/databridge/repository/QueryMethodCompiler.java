package io.databridge.repository;

import io.databridge.DataBridge;
import io.databridge.SqlQuery;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.InterfaceProjection;
import io.databridge.internal.model.JavaTypes;
import io.databridge.mapping.EntityMappingException;
import io.databridge.types.ValueType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Compiles a {@link Query @Query} method once: checks its parameters against the SQL and its return type against what
 * can be mapped, parses the SQL, and returns an invoker that per call only binds, runs and wraps the result.
 */
final class QueryMethodCompiler {

    private final Class<?> repositoryInterface;
    private final DataBridge db;
    private final EntityOrder order;

    QueryMethodCompiler(Class<?> repositoryInterface, DataBridge db, EntityOrder order) {
        this.repositoryInterface = repositoryInterface;
        this.db = db;
        this.order = order;
    }

    MethodInvoker compile(Method method, Query query) {
        boolean modifying = method.isAnnotationPresent(Modifying.class);
        String text = stripSemicolons(query.value());
        SqlQuery base;
        try {
            base = db.sql(text);
        } catch (IllegalArgumentException ex) {
            throw fail(method, ex.getMessage() + " (write the SQL with :named parameters)");
        }
        Parameter[] parameters = method.getParameters();
        String[] names = new String[parameters.length];
        int pageableIndex = -1;
        int sortIndex = -1;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            if (Pageable.class.isAssignableFrom(type)) {
                pageableIndex = i;
                continue;
            }
            if (Sort.class.isAssignableFrom(type)) {
                sortIndex = i;
                continue;
            }
            Param param = parameters[i].getAnnotation(Param.class);
            // Spring Data's @Param, which IDEs offer first, means the same: honoured.
            org.springframework.data.repository.query.Param springDataParam =
                    parameters[i].getAnnotation(org.springframework.data.repository.query.Param.class);
            if (param != null) {
                names[i] = param.value();
            } else if (springDataParam != null) {
                names[i] = springDataParam.value();
            } else if (parameters[i].isNamePresent()) {
                names[i] = parameters[i].getName();
            } else {
                throw fail(
                        method,
                        "parameter " + (i + 1) + " has no name (annotate it with @Param(\"name\") or compile"
                                + " with -parameters)");
            }
            try {
                base.param(names[i], null);
            } catch (IllegalArgumentException ex) {
                throw fail(method, ex.getMessage() + " (rename the method parameter or its @Param)");
            }
        }
        if (modifying && (pageableIndex >= 0 || sortIndex >= 0)) {
            throw fail(method, "a @Modifying query cannot take a Pageable or Sort (remove the parameter)");
        }
        ResolvableType returnType = ResolvableType.forMethodReturnType(method);
        ResultShape shape = shape(method, returnType, modifying);
        if ((shape == ResultShape.PAGE || shape == ResultShape.SLICE) && pageableIndex < 0) {
            throw fail(
                    method,
                    "it returns a " + returnType.resolve(Object.class).getSimpleName()
                            + " but has no Pageable parameter (add one, or return a List)");
        }
        if (modifying) {
            Class<?> raw = returnType.resolve(Object.class);
            return modifyingInvoker(base, names, raw);
        }
        Class<?> element = elementType(method, returnType, shape);
        String countText = query.countQuery().isBlank()
                ? "SELECT count(*) FROM (" + text + ") AS data_bridge_count"
                : stripSemicolons(query.countQuery());
        SqlQuery count = shape == ResultShape.PAGE ? parse(method, countText, "countQuery") : null;
        if (count != null) {
            for (String name : names) {
                if (name != null) {
                    try {
                        count.param(name, null);
                    } catch (IllegalArgumentException ex) {
                        throw fail(
                                method, "countQuery: " + ex.getMessage() + " (use the same parameters as the query)");
                    }
                }
            }
        }
        return new SelectInvoker(
                this, text, base, count, names, pageableIndex, sortIndex, shape, element, JavaTypes.box(element));
    }

    private static MethodInvoker modifyingInvoker(SqlQuery base, String[] names, Class<?> raw) {
        if (raw == int.class || raw == Integer.class) {
            return (proxy, args) -> Math.toIntExact(bind(base, names, args).update());
        }
        if (raw == long.class || raw == Long.class) {
            return (proxy, args) -> bind(base, names, args).update();
        }
        return (proxy, args) -> {
            bind(base, names, args).update();
            return null;
        };
    }

    private ResultShape shape(Method method, ResolvableType returnType, boolean modifying) {
        Class<?> raw = returnType.resolve(Object.class);
        if (modifying) {
            if (raw == void.class
                    || raw == int.class
                    || raw == Integer.class
                    || raw == long.class
                    || raw == Long.class) {
                return raw == void.class ? ResultShape.VOID : ResultShape.COUNT;
            }
            throw fail(
                    method,
                    "a @Modifying query returns void, int or long, not " + returnType
                            + " (change the return type, or remove @Modifying and add RETURNING to read rows)");
        }
        if (raw == void.class) {
            throw fail(method, "it returns void but has no @Modifying (annotate it with @Modifying)");
        }
        return ResultShape.ofRows(raw);
    }

    private Class<?> elementType(Method method, ResolvableType returnType, ResultShape shape) {
        ResolvableType element = shape == ResultShape.SINGLE ? returnType : returnType.getGeneric(0);
        Class<?> type = element.resolve();
        if (type == null || type == Object.class) {
            throw fail(
                    method,
                    "its return type " + returnType + " does not name the row type (declare it, e.g." + " List<User>)");
        }
        if (EntityModels.isEntity(type)) {
            try {
                PgRepositoryFactory.models(db).get(type);
            } catch (RuntimeException ex) {
                throw fail(method, ex.getMessage());
            }
            return type;
        }
        if (type.isRecord()
                || PgRepositoryFactory.models(db)
                        .codecs()
                        .find(ValueType.of(JavaTypes.box(type)))
                        .isPresent()) {
            return type;
        }
        if (InterfaceProjection.isProjection(
                type, PgRepositoryFactory.models(db).codecs())) {
            try {
                InterfaceProjection.of(type);
            } catch (EntityMappingException ex) {
                throw fail(method, ex.getMessage());
            }
            return type;
        }
        throw fail(
                method,
                "return type " + returnType + " is not supported (return an entity, a record, an interface"
                        + " projection, or a scalar with a codec, or an Optional, List, Stream, Page or Slice of one)");
    }

    private SqlQuery parse(Method method, String sql, String attribute) {
        try {
            return db.sql(sql);
        } catch (IllegalArgumentException ex) {
            throw fail(method, attribute + ": " + ex.getMessage() + " (write the SQL with :named parameters)");
        }
    }

    private RepositoryDefinitionException fail(Method method, @Nullable String problem) {
        return new RepositoryDefinitionException(repositoryInterface, method, String.valueOf(problem));
    }

    static SqlQuery bind(SqlQuery query, String[] names, @Nullable Object[] args) {
        Map<String, @Nullable Object> values = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                values.put(names[i], args[i]);
            }
        }
        return values.isEmpty() ? query : query.params(values);
    }

    private static String stripSemicolons(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /** A compiled {@code SELECT} (or {@code ... RETURNING}) method. */
    private static final class SelectInvoker implements MethodInvoker {

        private final QueryMethodCompiler compiler;
        private final String text;
        private final SqlQuery base;
        private final @Nullable SqlQuery count;
        private final @Nullable SqlQuery unsortedPage;
        private final QueryCache cache;
        private final String[] names;
        private final int pageableIndex;
        private final int sortIndex;
        private final ResultShape shape;
        private final Class<?> element;
        private final Class<?> boxedElement;

        SelectInvoker(
                QueryMethodCompiler compiler,
                String text,
                SqlQuery base,
                @Nullable SqlQuery count,
                String[] names,
                int pageableIndex,
                int sortIndex,
                ResultShape shape,
                Class<?> element,
                Class<?> boxedElement) {
            this.compiler = compiler;
            this.text = text;
            this.base = base;
            this.count = count;
            this.names = names;
            this.pageableIndex = pageableIndex;
            this.sortIndex = sortIndex;
            this.shape = shape;
            this.element = element;
            this.boxedElement = boxedElement;
            this.cache = new QueryCache(compiler.db);
            this.unsortedPage = pageableIndex >= 0
                    ? compiler.db.sql(
                            "SELECT * FROM (" + text + ") AS data_bridge_page" + DefaultPgRepository.pageClause())
                    : null;
        }

        @Override
        public @Nullable Object invoke(Object proxy, @Nullable Object[] args) {
            Pageable pageable = pageableIndex >= 0 ? (Pageable) args[pageableIndex] : null;
            if (pageable == null) {
                pageable = Pageable.unpaged();
            }
            Sort sort = sortIndex >= 0 && args[sortIndex] != null ? (Sort) args[sortIndex] : Sort.unsorted();
            sort = sort.and(pageable.getSort());
            boolean paged = pageable.isPaged();
            SqlQuery query;
            if (!paged && sort.isUnsorted()) {
                query = base;
            } else if (sort.isUnsorted() && unsortedPage != null) {
                query = unsortedPage;
            } else {
                query = cache.get("SELECT * FROM (" + text + ") AS data_bridge_sorted" + compiler.order.orderBy(sort)
                        + (paged ? DefaultPgRepository.pageClause() : ""));
            }
            SqlQuery bound = bind(query, names, args);
            if (paged) {
                int size = shape == ResultShape.SLICE ? pageable.getPageSize() + 1 : pageable.getPageSize();
                bound = bound.param(DefaultPgRepository.LIMIT, size)
                        .param(DefaultPgRepository.OFFSET, pageable.getOffset());
            }
            return switch (shape) {
                case LIST -> bound.list(element);
                case STREAM -> bound.stream(element);
                case OPTIONAL -> Optional.ofNullable(single(bound));
                case SINGLE -> single(bound);
                case PAGE -> page(bound, pageable, args);
                case SLICE -> slice(bound, pageable);
                default -> throw new IllegalStateException("unexpected shape " + shape);
            };
        }

        private @Nullable Object single(SqlQuery bound) {
            if (element.isPrimitive()) {
                return bound.one(boxedElement);
            }
            return ResultShape.single(bound.list(element));
        }

        private Page<?> page(SqlQuery bound, Pageable pageable, @Nullable Object[] args) {
            List<?> content = bound.list(element);
            if (pageable.isUnpaged()) {
                return new PageImpl<>(new ArrayList<>(content));
            }
            SqlQuery countQuery = count;
            return PageableExecutionUtils.getPage(
                    content,
                    pageable,
                    () -> countQuery == null
                            ? content.size()
                            : bind(countQuery, names, args).one(Long.class));
        }

        private Slice<?> slice(SqlQuery bound, Pageable pageable) {
            return ResultShape.slice(bound.list(element), pageable);
        }
    }
}
