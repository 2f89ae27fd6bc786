package io.databridge.realschema;

import io.databridge.mapping.Column;
import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Json;
import io.databridge.mapping.Table;
import io.databridge.types.EnumType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The entities of {@code realschema/cinema.sql}, mapped onto tables and views that SQL created. */
final class Cinema {

    private Cinema() {}

    @Table(name = "studio")
    public record Studio(@Id @GeneratedValue Integer id, String name, String country) {}

    @Table(name = "genre")
    public record Genre(@Id @GeneratedValue Integer id, String name) {}

    @Table(name = "film")
    public record Film(
            @Id @GeneratedValue Long id,
            String title,
            Integer studioId,

            @Enumerated(value = EnumType.POSTGRES, typeName = "mpaa_rating")
            Rating rating,

            Integer lengthMin,
            BigDecimal price,
            LocalDate released,
            List<String> tags,
            String description,
            @Json Map<String, Object> meta,
            @Column(insertable = false, updatable = false) String search) {}

    /** Composite key ({@code film_id, genre_id}); the model names one of its columns. */
    @Table(name = "film_genre")
    public record FilmGenre(@Id Long filmId, Integer genreId) {}

    @Table(name = "store")
    public record Store(@Id Integer id, String city) {}

    @Table(name = "staff")
    public record Staff(@Id Integer id, String name, Integer storeId, Integer managerId, BigDecimal salary) {}

    @Table(name = "customer")
    public record Customer(
            @Id @GeneratedValue Long id,
            String name,
            String email,
            String city,
            LocalDate joined,

            @Enumerated(value = EnumType.POSTGRES, typeName = "membership")
            Membership membership,

            boolean active) {}

    /** The partitioned table. */
    @Table(name = "rental")
    public record Rental(
            @Id @GeneratedValue Long id,
            Long customerId,
            Long filmId,
            Integer storeId,
            Instant rentedAt,
            Instant returnedAt) {}

    @Table(name = "payment")
    public record Payment(
            @Id @GeneratedValue Long id,
            Long rentalId,
            Long customerId,
            BigDecimal amount,
            Instant paidAt,
            @Column(insertable = false, updatable = false) Long amountCents) {}

    @Table(name = "review")
    public record Review(@Id Long customerId, Long filmId, Integer stars, String body) {}

    /** A view. */
    @Table(name = "customer_spend")
    public record CustomerSpend(@Id Long customerId, String name, BigDecimal total, Long payments) {}

    /** A view over a join. */
    @Table(name = "film_catalog")
    public record FilmCatalog(
            @Id Long id,
            String title,
            String studio,

            @Enumerated(value = EnumType.POSTGRES, typeName = "mpaa_rating")
            Rating rating,

            BigDecimal price) {}
}
