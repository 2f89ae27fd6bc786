package io.databridge.valueobject;

import io.databridge.mapping.Embedded;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;

/**
 * A join table with a payload, as a record entity: its key is the two foreign keys (prefixed), its {@code @Version}
 * tells new from stored.
 */
@Table(name = "enrollments")
public record Enrollment(
        @Id @Embedded(prefix = "") EnrollmentKey id,
        String grade,
        @Version Integer version) {

    /** The key: a student and a course. */
    public record EnrollmentKey(long studentId, long courseId) {}
}
