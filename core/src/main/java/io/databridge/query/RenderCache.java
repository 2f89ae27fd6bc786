package io.databridge.query;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The rendered SQL text and row reader of each query shape an engine has run, so that a query built anew per call
 * (inline DSL code, repository methods) renders its text and builds its reader once, and per call only collects its
 * bound values. Bounded: past {@value #MAX_SHAPES} shapes an arbitrary entry makes room (an application has a fixed
 * set of query shapes; only generated ones, e.g. sorts taken from requests, can grow it). Thread-safe.
 */
final class RenderCache {

    /** The most shapes kept per engine. */
    static final int MAX_SHAPES = 2_048;

    /** What a shape renders to: the statement's text and the reader of its rows (one reading nothing for counts). */
    record Template(String sql, RowReader<?> reader) {}

    private final ConcurrentHashMap<ShapeKey, Template> templates = new ConcurrentHashMap<>();
    private final AtomicLong renders = new AtomicLong();

    @Nullable
    Template get(ShapeKey key) {
        return templates.get(key);
    }

    void put(ShapeKey key, Template template) {
        renders.incrementAndGet();
        if (templates.size() >= MAX_SHAPES) {
            Iterator<ShapeKey> keys = templates.keySet().iterator();
            if (keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
        templates.put(key, template);
    }

    /** How many times a cacheable shape was rendered in full, for tests that prove each shape renders once. */
    long renders() {
        return renders.get();
    }
}
