package io.memberautomation.core.interpreter;

import io.memberautomation.core.model.Delay;
import io.memberautomation.core.model.DelayUntil;
import io.memberautomation.core.model.FieldPath;
import io.memberautomation.core.model.IsoDuration;
import io.memberautomation.core.model.ZoneChoice;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** Reads a {@code wait} action's params (the keys of a Delay), already validated when saved. */
final class WaitParams {
    private WaitParams() {}

    static Delay toDelay(Map<String, Object> params) {
        Optional<IsoDuration> duration = text(params, "duration").map(IsoDuration::parse);
        Optional<DelayUntil> until = Optional.empty();
        if (params.get("until") instanceof Map<?, ?> map) {
            Object field = map.get("field");
            Object offset = map.get("offset");
            until = Optional.of(new DelayUntil(FieldPath.parse(String.valueOf(field)),
                    offset == null ? Optional.empty() : Optional.of(IsoDuration.parse(offset.toString()))));
        }
        Optional<LocalTime> at = text(params, "at").map(LocalTime::parse);
        Optional<ZoneChoice> zone = text(params, "timezone").flatMap(ZoneChoice::parse);
        return new Delay(duration, until, at, zone);
    }

    private static Optional<String> text(Map<String, Object> params, String key) {
        Object value = params.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
