package io.memberautomation.core;

import io.memberautomation.core.action.MemberActions;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.action.ActionHandler;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Action handlers by type: the built-in channel handlers plus the host's custom ones. Registration is
 * explicit; {@link ServiceLoader} discovery is opt-in, and any conflict (two handlers for one type, a
 * custom handler for a built-in type) fails the build of the engine with a message naming both.
 */
final class ActionHandlerRegistry {
    static final Set<String> ENGINE_TYPES = Set.of("wait");

    private final Map<String, ActionHandler> handlers = new LinkedHashMap<>();
    private final Map<String, ActionHandler> custom = new LinkedHashMap<>();

    void registerBuiltIns(Collection<ActionHandler> builtIns) {
        for (ActionHandler handler : builtIns) {
            handlers.put(handler.type(), handler);
        }
    }

    void registerCustom(ActionHandler handler, String origin) {
        Objects.requireNonNull(handler, "handler");
        String type = Objects.requireNonNull(handler.type(), "handler type");
        if (ENGINE_TYPES.contains(type) || MemberActions.isMemberAction(type)) {
            throw new AutomationException("action handler " + handler.getClass().getName() + " (" + origin
                    + ") claims built-in action type \"" + type + "\"");
        }
        ActionHandler existing = handlers.get(type);
        if (existing != null) {
            throw new AutomationException("two action handlers for type \"" + type + "\": "
                    + existing.getClass().getName() + " and " + handler.getClass().getName() + " (" + origin + ")");
        }
        handlers.put(type, handler);
        custom.put(type, handler);
    }

    void discover(ClassLoader loader) {
        for (ActionHandler handler : ServiceLoader.load(ActionHandler.class, loader)) {
            registerCustom(handler, "found by ServiceLoader");
        }
    }

    /** The host's handlers only, whose types definitions must learn. */
    Map<String, ActionHandler> custom() {
        return Map.copyOf(custom);
    }

    Map<String, ActionHandler> asMap() {
        return Map.copyOf(handlers);
    }
}
