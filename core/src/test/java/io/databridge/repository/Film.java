package io.databridge.repository;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** A film whose rating is a PostgreSQL enum with labels that are not Java identifiers. */
@Table(name = "film")
public class Film {
    @Id
    @GeneratedValue
    public Long id;

    public String title;
    public Rating rating;

    public Film() {}

    public Film(String title, Rating rating) {
        this.title = title;
        this.rating = rating;
    }

    /** The MPAA rating; the database labels are {@code G}, {@code PG}, {@code PG-13}, {@code R}, {@code NC-17}. */
    public enum Rating {
        G,
        PG,
        PG_13,
        R,
        NC_17;

        /** The database label: the constant name with dashes. */
        String label() {
            return name().replace('_', '-');
        }
    }
}
