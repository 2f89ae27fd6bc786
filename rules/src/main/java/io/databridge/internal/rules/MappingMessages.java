package io.databridge.internal.rules;

import org.jspecify.annotations.Nullable;

/**
 * The texts of the mapping errors that the runtime model and the processor both report, so an entity fails with the
 * same words at compile time and at start-up. Error messages are API: their shape is pinned by tests. {@code type} is
 * an entity's binary name, {@code where} is {@code type.property}. Stateless.
 */
public final class MappingMessages {

    /** Appended to an invalid table name's problem. */
    public static final String TABLE_NAME_FIX = " (set @Table(name = ...) to a valid name)";

    /** Appended to an invalid column name's problem. */
    public static final String COLUMN_NAME_FIX = " (set @Column(name = ...) to a valid name)";

    private MappingMessages() {}

    /**
     * The general shape: {@code Cannot map where: problem}.
     *
     * @param where the entity or property
     * @param problem what is wrong and how to fix it
     * @return the message
     */
    public static String cannotMap(String where, String problem) {
        return "Cannot map " + where + ": " + problem;
    }

    /**
     * An interface, enum or abstract class annotated {@code @Table}.
     *
     * @param type the entity
     * @return the message
     */
    public static String notConcrete(String type) {
        return type + " cannot be an entity: it must be a concrete class with a no-arg constructor, or a record";
    }

    /**
     * A class entity without a no-arg constructor.
     *
     * @param type the entity
     * @return the message
     */
    public static String noNoArgConstructor(String type) {
        return cannotMap(
                type, "it has no no-arg constructor; add one (it may be private), or make the entity a record");
    }

    /**
     * A persistent field that is final.
     *
     * @param where the property
     * @return the message
     */
    public static String finalField(String where) {
        return cannotMap(
                where,
                "the field is final, so rows cannot be read into it; make it non-final, mark it @Transient, or make"
                        + " the entity a record");
    }

    /**
     * A record component marked {@code @Transient}.
     *
     * @param where the property
     * @return the message
     */
    public static String transientRecordComponent(String where) {
        return cannotMap(
                where,
                "a record component cannot be @Transient (the canonical constructor needs it); remove the component"
                        + " or the annotation");
    }

    /**
     * A property annotated with another library's look-alike of a data-bridge annotation.
     *
     * @param where the property
     * @param imported the look-alike's name
     * @param replacement data-bridge's annotation to import instead
     * @return the message
     */
    public static String lookAlike(String where, String imported, String replacement) {
        return cannotMap(
                where,
                "it is annotated with " + imported + ", which data-bridge does not read; import " + replacement
                        + " instead");
    }

    /**
     * Two properties mapped to one column.
     *
     * @param where the second property
     * @param column the column
     * @param first the property that maps the column already
     * @return the message
     */
    public static String columnClash(String where, String column, String first) {
        return columnClash(where, column, first, false);
    }

    /**
     * Two properties mapped to one column, where one of them may be a column of an {@code @Embedded} value object.
     *
     * @param where the second property
     * @param column the column
     * @param first the property that maps the column already
     * @param valueObject whether either property belongs to a value object (its prefix can be changed too)
     * @return the message
     */
    public static String columnClash(String where, String column, String first, boolean valueObject) {
        return cannotMap(
                where,
                "column '" + column + "' is already mapped by property '" + first
                        + "'; give one of them another @Column(name = ...)"
                        + (valueObject ? " or @Embedded(prefix = ...)" : ""));
    }

    /**
     * Two {@code @Id} properties.
     *
     * @param type the entity
     * @param first the first id property
     * @param second the second
     * @return the message
     */
    public static String twoIds(String type, String first, String second) {
        return cannotMap(
                type,
                "both '" + first + "' and '" + second + "' are @Id; keep one (a composite key is one @Id whose type"
                        + " is a record of its columns)");
    }

    /**
     * Two {@code @Version} properties.
     *
     * @param type the entity
     * @param first the first version property
     * @param second the second
     * @return the message
     */
    public static String twoVersions(String type, String first, String second) {
        return cannotMap(type, "both '" + first + "' and '" + second + "' are @Version; keep one");
    }

    /**
     * A {@code @Version} of a type outside {@link ValueTypeNames#VERSIONS}.
     *
     * @param where the property
     * @param typeName its type
     * @return the message
     */
    public static String versionType(String where, String typeName) {
        return cannotMap(where, "@Version needs an integral type (int, long, Integer or Long) but was " + typeName);
    }

    /**
     * A property with more than one role annotation.
     *
     * @param where the property
     * @return the message
     */
    public static String moreThanOneRole(String where) {
        return cannotMap(where, "it has more than one of @Id, @Version, @CreatedAt, @UpdatedAt; keep one");
    }

    /**
     * An automatic timestamp of a type outside {@link ValueTypeNames#TIMESTAMPS}.
     *
     * @param where the property
     * @param typeName its type
     * @return the message
     */
    public static String timestampType(String where, String typeName) {
        return cannotMap(
                where,
                "@CreatedAt and @UpdatedAt need Instant, OffsetDateTime or LocalDateTime but the type is " + typeName);
    }

    /**
     * {@code @GeneratedValue} on a property that is not the id.
     *
     * @param where the property
     * @return the message
     */
    public static String generatedNotOnId(String where) {
        return cannotMap(where, "@GeneratedValue is only supported on the @Id property");
    }

    /**
     * {@code @GeneratedValue(strategy = UUID_V7)} on an id that is not a UUID.
     *
     * @param where the property
     * @param typeName its type
     * @return the message
     */
    public static String uuidV7Type(String where, String typeName) {
        return cannotMap(where, "@GeneratedValue(strategy = UUID_V7) needs a UUID id but the type is " + typeName);
    }

    /**
     * {@code @GeneratedValue} on an id that is neither integral nor a UUID.
     *
     * @param where the property
     * @param typeName its type
     * @return the message
     */
    public static String generatedType(String where, String typeName) {
        return cannotMap(
                where,
                "@GeneratedValue needs an integral or UUID id but the type is " + typeName
                        + "; assign the id yourself or change its type");
    }

    /**
     * {@code @Enumerated} on a property that holds no enum.
     *
     * @param where the property
     * @param typeName its type
     * @return the message
     */
    public static String enumeratedNeedsEnum(String where, String typeName) {
        return cannotMap(where, "@Enumerated needs an enum type but was " + typeName);
    }

    /**
     * A property with more than one relation annotation.
     *
     * @param where the property
     * @return the message
     */
    public static String moreThanOneRelation(String where) {
        return cannotMap(where, "it has more than one of @ManyToOne, @OneToOne, @OneToMany, @ManyToMany; keep one");
    }

    /**
     * A to-many relation whose type is no {@code List<E>} or {@code Set<E>}.
     *
     * @param where the property
     * @param typeName its generic type
     * @return the message
     */
    public static String toManyType(String where, String typeName) {
        return cannotMap(
                where, "a to-many relation must be a List<E> or Set<E> of an entity class but was " + typeName);
    }

    /**
     * A relation whose target is not annotated {@code @Table}.
     *
     * @param where the property
     * @param target the target's name
     * @return the message
     */
    public static String relationTargetNotEntity(String where, String target) {
        return cannotMap(
                where,
                "the relation's target " + target
                        + " is not an entity; annotate it with @Table, or map the value as a column (@Json, a codec)");
    }

    /**
     * An entity without persistent properties.
     *
     * @param type the entity
     * @return the message
     */
    public static String noProperties(String type) {
        return type + " has no persistent properties";
    }

    /**
     * An entity without an {@code @Id}.
     *
     * @param type the entity
     * @return the message
     */
    public static String noId(String type) {
        return cannotMap(type, "no property is annotated with @Id; mark the primary-key property @Id");
    }

    /**
     * The problem with a sequence-generated id's {@code @GeneratedValue}, or {@code null}: the strategy {@code SEQUENCE}
     * needs an integral id and a valid sequence name, the other strategies take no sequence name, and a block holds at
     * least one id.
     *
     * @param where the id property
     * @param strategy the strategy's constant name ({@code DATABASE}, {@code UUID_V7}, {@code SEQUENCE})
     * @param sequence the sequence name, empty when not set
     * @param allocationSize the ids per block
     * @param typeName the id's type, by binary name
     * @return the message, or {@code null} when the settings are consistent
     */
    public static @Nullable String sequenceProblem(
            String where, String strategy, String sequence, int allocationSize, String typeName) {
        if (!"SEQUENCE".equals(strategy)) {
            return sequence.isEmpty()
                    ? null
                    : cannotMap(
                            where,
                            "@GeneratedValue(sequence = ...) applies only with strategy = SEQUENCE; add strategy ="
                                    + " SEQUENCE, or remove the sequence");
        }
        if (!ValueTypeNames.GENERATED_INTEGRAL_IDS.contains(typeName)) {
            return cannotMap(
                    where,
                    "@GeneratedValue(strategy = SEQUENCE) needs an integral id (long, int, short, their wrappers or"
                            + " BigInteger) but the type is " + typeName);
        }
        if (sequence.isEmpty()) {
            return cannotMap(
                    where,
                    "@GeneratedValue(strategy = SEQUENCE) needs the sequence's name; set @GeneratedValue(sequence ="
                            + " \"...\")");
        }
        String problem = IdentifierRule.problem(sequence, "sequence name");
        if (problem != null) {
            return cannotMap(where, problem + " (set @GeneratedValue(sequence = ...) to a valid name)");
        }
        if (allocationSize < 1) {
            return cannotMap(where, "@GeneratedValue(allocationSize = " + allocationSize + ") must be at least 1");
        }
        return null;
    }
}
