package io.memberautomation.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The safe-sending scenario: frequency caps, quiet hours and consent, visible in simulate's output. */
class SafeSendingScenarioTest {
    private final JsonNode result = new Simulator().run(Scenarios.text("safe-sending")).json();

    private List<String> effects(String memberId) {
        List<String> found = new ArrayList<>();
        result.get("effects").forEach(e -> {
            if (e.get("memberId").asText().equals(memberId)) {
                found.add(e.get("at").asText() + " " + e.get("type").asText() + " " + e.get("stepId").asText());
            }
        });
        return found;
    }

    @Test
    void cappedEmailAndQuietSms_whenTriggeredLateAtNight_waitForTheNextDayAndTheWindowsEnd() {
        assertThat(effects("m-1")).containsExactly("2026-01-05T22:30:00Z email first", "2026-01-05T22:30:00Z email second",
                "2026-01-06T00:00:00Z email third", "2026-01-06T08:00:00Z sms text");
        JsonNode steps = result.get("executions").get(0).get("steps");
        assertThat(steps.get(2).get("status").asText()).isEqualTo("waiting");
        assertThat(steps.get(2).get("reason").asText()).isEqualTo("frequency cap of 2 emails a day reached");
        assertThat(steps.get(4).get("reason").asText()).isEqualTo("quiet hours 21:00-08:00 for SMS");
    }

    @Test
    void optedOutSms_whenInQuietHours_isSkippedAtOnceWithItsReason() {
        assertThat(effects("m-2")).contains("2026-01-06T00:00:00Z skipped text");
        result.get("effects").forEach(e -> {
            if (e.get("type").asText().equals("skipped")) {
                assertThat(e.get("reason").asText()).isEqualTo("member opted out of SMS");
            }
        });
    }
}
