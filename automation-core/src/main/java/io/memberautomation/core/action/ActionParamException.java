package io.memberautomation.core.action;

import io.memberautomation.spi.AutomationException;

/**
 * An action's params, as rendered for this execution, cannot be used: a required param is missing or
 * rendered empty, a field path is not a member field, a duration does not parse. Trying again with the
 * same member gives the same answer, so the step fails without retries.
 */
public class ActionParamException extends AutomationException {
    public ActionParamException(String message) {
        super(message);
    }
}
