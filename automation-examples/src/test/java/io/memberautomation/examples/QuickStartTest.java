package io.memberautomation.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run here; a second test keeps the README's copy identical. */
class QuickStartTest {

    @Test
    void quickStart_whenRun_tagsTheNewMember() {
        // readme:quick-start:begin
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        try (AutomationEngine engine = AutomationEngine.builder().members(members).build()) {
            engine.save("""
                { "id": "welcome", "name": "Welcome", "status": "active",
                  "trigger": { "type": "member_created" },
                  "steps": [ { "id": "hello", "type": "action",
                               "action": { "type": "add_tag", "params": { "tag": "welcomed" } } } ] }
                """);
            MemberChange signup = members.put(new Member("m-1", "default", Map.of("email", "ada@example.org")));
            engine.memberChanged(signup, Optional.of("signup-m-1"));
            engine.runDue();   // or engine.start() to run on the engine's own worker threads
        }
        // readme:quick-start:end
        assertThat(members.find("default", "m-1").orElseThrow().tags()).containsExactly("welcomed");
    }

    @Test
    void readme_whenRead_carriesTheQuickStartVerbatim() {
        Readme.Block shown = Readme.block("snippet: quick-start");

        assertThat(shown.language()).isEqualTo("java");
        assertThat(shown.content()).isEqualTo(Readme.region("QuickStartTest.java", "quick-start"));
    }
}
