package io.memberautomation.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run here; a second test keeps the README's copy identical. */
class QuickStartTest {

    @Test
    void quickStart_whenRun_tagsTheNewMember() {
        // quick-start:begin
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
        // quick-start:end
        assertThat(members.find("default", "m-1").orElseThrow().tags()).containsExactly("welcomed");
    }

    @Test
    void readme_whenRead_carriesTheQuickStartVerbatim() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/memberautomation/examples/QuickStartTest.java"));
        int begin = source.indexOf("        // quick-start:begin");
        int end = source.indexOf("        // quick-start:end");
        String snippet = String.join("\n", source.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip()).toList());
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(begin).isPositive();
        assertThat(readme).contains(snippet);
        assertThat(Arrays.asList(readme.split("\n"))).contains("```java");
    }
}
