package io.memberautomation.core.registry;

import io.memberautomation.core.definition.ValidationProblem;
import io.memberautomation.core.model.Automation;
import java.util.List;
import java.util.Objects;

/**
 * The result of saving an automation.
 *
 * @param organizationId the tenant it was saved under
 * @param automation     the automation as saved, with its version
 * @param newVersion     false when the document equalled the latest version, so no version was made
 * @param warnings       validation warnings (unreachable steps, trigger loops)
 */
public record SavedAutomation(String organizationId, Automation automation, boolean newVersion,
                              List<ValidationProblem> warnings) {
    public SavedAutomation {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(automation, "automation");
        warnings = List.copyOf(warnings);
    }
}
