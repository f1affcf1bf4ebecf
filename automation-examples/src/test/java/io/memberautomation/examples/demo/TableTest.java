package io.memberautomation.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private final Table table = Table.with("automation", "executions", "note")
            .row(List.of("welcome-series", "1,234", "a|b"))
            .row(List.of("vip", "7", ""))
            .build();

    @Test
    void toText_whenAColumnHoldsNumbers_alignsItRightAndTheOthersLeft() {
        assertThat(table.toText("  ")).isEqualTo("""
                  automation      executions  note
                  --------------  ----------  ----
                  welcome-series       1,234  a|b
                  vip                      7
                """);
    }

    @Test
    void toMarkdown_whenACellHoldsAPipe_escapesItAndMarksNumberColumnsRightAligned() {
        assertThat(table.toMarkdown()).isEqualTo("""
                | automation | executions | note |
                |---|---:|---|
                | welcome-series | 1,234 | a\\|b |
                | vip | 7 |  |
                """);
    }

    @Test
    void table_whenARowIsShort_isRefused() {
        assertThatThrownBy(() -> Table.with("a", "b").row(List.of("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 columns");
    }
}
