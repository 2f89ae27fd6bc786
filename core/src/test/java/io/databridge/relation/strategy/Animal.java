package io.databridge.relation.strategy;

import io.databridge.mapping.Enumerated;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.Json;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import io.databridge.types.EnumType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A child with a column of every kind a JSON fetch must decode exactly. */
@Table(name = "st_animals")
public class Animal {
    @Id
    @GeneratedValue
    public Long id;

    public String name;
    public Instant seenAt;
    public OffsetDateTime bornAt;
    public LocalDateTime checkedAt;
    public LocalDate day;
    public BigDecimal amount;
    public UUID token;

    @Enumerated(value = EnumType.POSTGRES, typeName = "st_mood")
    public Mood mood;

    @Json
    public Map<String, Object> data;

    public List<String> tags;
    public byte[] photo;
    public Boolean vaccinated;
    public double weight;
    public Duration stay;

    @ManyToOne
    @JoinColumn(name = "shelter_id")
    public Shelter shelter;

    @ManyToOne
    @JoinColumn(name = "city_id")
    public City city;

    @OneToMany(mappedBy = "animal")
    @OrderBy("note")
    public List<Checkup> checkups = new ArrayList<>();
}
