package io.memberautomation.core.definition;

import java.util.List;
import java.util.Map;

/**
 * Checks the {@code params} of one action type when a definition is validated, so that a bad param is
 * refused when the automation is saved, not discovered when a member reaches the step. A host registers
 * one per custom action type with {@link AutomationDefinitions.Builder#actionType}.
 */
@FunctionalInterface
public interface ActionParamsValidator {

    /** Accepts any params: for custom actions that check their own params at run time. */
    ActionParamsValidator ANY = params -> List.of();

    /**
     * @param params the action's params as immutable JSON data ({@code String}, {@code BigDecimal},
     *               {@code Boolean}, {@code List}, {@code Map}; never null)
     * @return every problem found, empty when the params are fine; must not throw
     */
    List<ParamProblem> validate(Map<String, Object> params);
}
