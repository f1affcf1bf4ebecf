package io.memberautomation.spi.store;

import java.util.List;
import java.util.Optional;

/**
 * Automation definitions and their versions. Versions are immutable once saved; the status belongs to
 * the automation and is shared by all its versions.
 *
 * <p>Implementations must refuse to save a version that exists (same organization, automation and
 * version) with {@link io.memberautomation.spi.ConcurrentUpdateException}, so two nodes saving at once
 * cannot both claim a version number; and must scope every call to its organization.
 */
public interface DefinitionStore {

    /** Saves a new version; its status becomes the automation's status. */
    void saveVersion(StoredDefinition definition);

    /** Sets the automation's status (its versions are unchanged). Returns false if it does not exist. */
    boolean setStatus(String organizationId, String automationId, String status);

    Optional<StoredDefinition> find(String organizationId, String automationId, int version);

    Optional<StoredDefinition> latest(String organizationId, String automationId);

    /** The latest version of every automation of every organization, for building the routing index. */
    List<StoredDefinition> latestOfAll();
}
