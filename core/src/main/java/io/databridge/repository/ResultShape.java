package io.databridge.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;

/** How a repository method returns rows, shared by {@code @Query} and derived query methods. */
enum ResultShape {
    VOID,
    COUNT,
    SINGLE,
    OPTIONAL,
    LIST,
    STREAM,
    PAGE,
    SLICE;

    /**
     * The shape of a method returning rows, by its raw return type; anything else is one row.
     *
     * @param raw the raw return type
     * @return the shape
     */
    static ResultShape ofRows(Class<?> raw) {
        if (raw == Optional.class) {
            return OPTIONAL;
        }
        if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
            return LIST;
        }
        if (raw == Stream.class) {
            return STREAM;
        }
        if (raw == Page.class) {
            return PAGE;
        }
        return raw == Slice.class ? SLICE : SINGLE;
    }

    /**
     * The only row of a result, or {@code null}.
     *
     * @param rows the rows read (at most two are needed)
     * @return the row or {@code null}
     * @throws IncorrectResultSizeDataAccessException when there is more than one
     */
    static @Nullable Object single(List<?> rows) {
        if (rows.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(
                    "The query returned " + rows.size() + " rows; at most one was expected", 1, rows.size());
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * A slice from rows read with one more than the page size.
     *
     * @param rows the rows
     * @param pageable the page request
     * @return the slice, with {@code hasNext} when the extra row came back
     */
    static Slice<?> slice(List<?> rows, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return new SliceImpl<>(new ArrayList<>(rows));
        }
        boolean hasNext = rows.size() > pageable.getPageSize();
        return new SliceImpl<>(
                new ArrayList<>(hasNext ? rows.subList(0, pageable.getPageSize()) : rows), pageable, hasNext);
    }
}
