package io.memberautomation.core.condition;

import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.Operator;
import io.memberautomation.core.model.WireName;
import io.memberautomation.spi.AutomationException;

/**
 * A condition that cannot be compiled: an invalid regular expression or an operator given a value it cannot
 * use (a list for {@code eq}, a number for {@code matches}, {@code between} without two bounds). Validation
 * normally reports these first; this is the last line of defence, and it names the field and the operator.
 */
public class ConditionCompileException extends AutomationException {
    private final FieldPath field;
    private final Operator operator;

    public ConditionCompileException(FieldPath field, Operator operator, String problem) {
        super(field + " " + WireName.of(operator) + ": " + problem);
        this.field = field;
        this.operator = operator;
    }

    public ConditionCompileException(FieldPath field, Operator operator, String problem, Throwable cause) {
        super(field + " " + WireName.of(operator) + ": " + problem, cause);
        this.field = field;
        this.operator = operator;
    }

    /** The field of the offending condition. */
    public FieldPath field() {
        return field;
    }

    /** The operator of the offending condition. */
    public Operator operator() {
        return operator;
    }
}
