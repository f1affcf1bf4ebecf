package io.memberautomation.spi.store;

import java.util.List;

/**
 * What an {@link Enrollment} came to.
 *
 * @param duplicateEvent the event id had been seen before; nothing was created
 * @param created        ids of the executions created
 * @param refused        ids of the executions their guard refused
 */
public record EnrollmentResult(boolean duplicateEvent, List<String> created, List<String> refused) {
    public EnrollmentResult {
        created = List.copyOf(created);
        refused = List.copyOf(refused);
    }
}
