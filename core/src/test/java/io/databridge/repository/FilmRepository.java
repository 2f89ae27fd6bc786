package io.databridge.repository;

import java.util.Collection;
import java.util.List;

/** Derived queries on a collection of enum constants. */
public interface FilmRepository extends PgRepository<Film, Long> {

    List<Film> findByRatingInOrderByTitle(Collection<Film.Rating> ratings);

    List<Film> findByRatingNotInOrderByTitle(Collection<Film.Rating> ratings);
}
