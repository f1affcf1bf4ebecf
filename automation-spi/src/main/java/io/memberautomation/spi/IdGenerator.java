package io.memberautomation.spi;

import java.util.UUID;

/**
 * Makes execution ids. Ids must be unique across every engine node sharing a store; the default is a
 * random UUID. A deterministic generator lets a dry run print the same ids for the same input.
 */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    static IdGenerator randomUuid() {
        return () -> UUID.randomUUID().toString();
    }
}
