package io.databridge.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Renders the {@code WITH} clause of a statement from the CTEs its text reads: each CTE once, after the CTEs its own
 * query reads (so a plain {@code WITH} can refer to them), {@code WITH RECURSIVE} when any is recursive. The clause
 * comes first in the text, so its binds come before the statement's. Not thread-safe; one per statement.
 */
final class WithClause {

    private final SqlRenderer statement;
    private final Map<String, Cte<?>> defined = new HashMap<>();
    private final Set<String> defining = new HashSet<>();
    private final StringBuilder sql = new StringBuilder();
    private final List<Bind> binds = new ArrayList<>();
    private boolean recursive;

    private WithClause(SqlRenderer statement) {
        this.statement = statement;
    }

    static void prepend(SqlRenderer statement) {
        WithClause with = new WithClause(statement);
        for (Cte<?> cte : statement.ctes.values()) {
            with.define(cte);
        }
        if (!statement.valuesOnly) {
            statement.sql.insert(0, (with.recursive ? "WITH RECURSIVE " : "WITH ") + with.sql + " ");
        }
        statement.binds.addAll(0, with.binds);
    }

    static InvalidDataAccessApiUsageException nameClash(String name) {
        return new InvalidDataAccessApiUsageException("Two different CTEs are named '" + name
                + "' in one statement; give each its own name, or reuse one Cte object");
    }

    private void define(Cte<?> cte) {
        Cte<?> known = defined.get(cte.name());
        if (known != null) {
            if (known != cte) {
                throw nameClash(cte.name());
            }
            return;
        }
        if (!defining.add(cte.name())) {
            throw nameClash(cte.name());
        }
        SqlRenderer body = new SqlRenderer(statement.models, statement.links, new Scope(null, List.of()));
        body.definingRecursive = cte.recursive() ? cte.name() : null;
        body.valuesOnly = statement.valuesOnly;
        cte.renderDefinition(body);
        for (Cte<?> dependency : body.ctes.values()) {
            define(dependency);
        }
        defining.remove(cte.name());
        defined.put(cte.name(), cte);
        recursive |= cte.recursive();
        sql.append(sql.isEmpty() ? "" : ", ").append(body.sql);
        binds.addAll(body.binds);
    }
}
