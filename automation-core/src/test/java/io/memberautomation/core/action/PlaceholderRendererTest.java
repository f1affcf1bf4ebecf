package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.member.Member;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderRendererTest {
    private final PlaceholderRenderer renderer = new PlaceholderRenderer();

    private final RenderData data = RenderData.builder()
            .member(new Member("m-7", "org-1", Map.of("first_name", "Ann", "tier", "gold",
                    "address", Map.of("city", "Leeds"), "tags", List.of("vip", "board"),
                    "renewal_date", LocalDate.of(2025, 3, 1), "balance", new BigDecimal("10.50"))))
            .event(Map.of("type", "payment_failed", "amount", new BigDecimal("25")))
            .organization(Map.of("id", "org-1", "name", "Rowing Club"))
            .stepOutput("check", Map.of("score", 42, "result", Map.of("ok", true)))
            .data(Map.of("coupon", "SPRING", "member", "ignored"))
            .build();

    @Test
    void render_whenDottedPaths_resolvesNestedMaps() {
        String out = renderer.render("{{member.first_name}} ({{member.id}}) of {{organization.name}} in "
                + "{{member.address.city}}: {{event.type}} {{event.amount}}, score {{steps.check.output.score}} "
                + "ok={{steps.check.output.result.ok}} code {{coupon}}", data, Escaping.PLAIN);

        assertThat(out).isEqualTo("Ann (m-7) of Rowing Club in Leeds: payment_failed 25, score 42 ok=true code SPRING");
    }

    @Test
    void render_whenValuesAreDatesAndDecimals_writesIsoAndDecimalText() {
        assertThat(renderer.render("{{member.renewal_date}} {{member.balance}}", data, Escaping.PLAIN))
                .isEqualTo("2025-03-01 10.50");
    }

    @Test
    void render_whenValuesAreMissingAtAnyDepth_rendersEmptyText() {
        String out = renderer.render("[{{member.nickname}}][{{member.address.zip}}][{{nothing.at.all}}]"
                + "[{{steps.unknown.output.x}}]", data, Escaping.PLAIN);

        assertThat(out).isEqualTo("[][][][]");
    }

    @Test
    void render_whenSections_iteratesListsAndSkipsMissingOrEmptyValues() {
        RenderData withEmpty = RenderData.builder().member(Map.of("nickname", "", "tags", List.of("a", "b"))).build();

        String out = renderer.render("{{#member.tags}}<{{.}}>{{/member.tags}}"
                + "{{#member.nickname}}nick{{/member.nickname}}{{^member.phone}}no phone{{/member.phone}}",
                withEmpty, Escaping.PLAIN);

        assertThat(out).isEqualTo("<a><b>no phone");
    }

    @Test
    void render_whenDataNamesAReservedRoot_keepsTheRoot() {
        assertThat(renderer.render("{{member.first_name}}", data, Escaping.PLAIN)).isEqualTo("Ann");
    }

    @Test
    void render_whenHtmlEscaping_escapesValuesButNotTheTemplate() {
        RenderData evil = RenderData.builder().member(Map.of("first_name", "<b>Tom & \"Jerry\"</b>")).build();

        String html = renderer.render("<p>Hi {{member.first_name}}</p>", evil, Escaping.HTML);
        String plain = renderer.render("Hi {{member.first_name}}", evil, Escaping.PLAIN);

        assertThat(html).isEqualTo("<p>Hi &lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>");
        assertThat(plain).isEqualTo("Hi <b>Tom & \"Jerry\"</b>");
    }

    @Test
    void render_whenSameTemplateInBothEscapings_cachesThemApart() {
        RenderData amp = RenderData.builder().member(Map.of("name", "A&B")).build();

        assertThat(renderer.render("{{member.name}}", amp, Escaping.HTML)).isEqualTo("A&amp;B");
        assertThat(renderer.render("{{member.name}}", amp, Escaping.PLAIN)).isEqualTo("A&B");
        assertThat(renderer.render("{{member.name}}", amp, Escaping.HTML)).isEqualTo("A&amp;B");
    }

    @Test
    void render_whenTagIsUnclosed_throwsNamingLineColumnAndSnippet() {
        assertThatThrownBy(() -> renderer.render("Dear member,\nHello {{member.first_name, welcome", data,
                Escaping.PLAIN))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.snippet()).contains("{{member.first_name, welcome");
                    assertThat(e.getMessage()).contains("unclosed tag").contains("line 2").contains("column 7");
                });
    }

    @Test
    void render_whenSectionIsNeverClosed_throwsWithTheParsersLine() {
        assertThatThrownBy(() -> renderer.render("a\nb\n{{#member.tags}} c", data, Escaping.PLAIN))
                .isInstanceOfSatisfying(TemplateRenderException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("member.tags");
                });
    }

    @Test
    void render_whenEmptyTagOrPartial_throwsTemplateRenderException() {
        assertThatThrownBy(() -> renderer.render("x {{ }} y", data, Escaping.PLAIN))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("empty tag");
        assertThatThrownBy(() -> renderer.render("x {{> footer}}", data, Escaping.PLAIN))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("partials");
    }

    @Test
    void render_whenNoTags_returnsTheTextUnchanged() {
        assertThat(renderer.render("50% off }} today", data, Escaping.HTML)).isEqualTo("50% off }} today");
    }

    @Test
    void renderParams_whenNested_rendersEveryStringAndKeepsKeysAndOtherValues() {
        Map<String, Object> params = Map.of(
                "url", "https://example.org/members/{{member.id}}",
                "count", new BigDecimal("3"),
                "body", Map.of("{{key}}", "{{member.tier}}", "list", List.of("{{event.type}}", true)));

        Map<String, Object> out = renderer.renderParams(params, data);

        assertThat(out).containsEntry("url", "https://example.org/members/m-7")
                .containsEntry("count", new BigDecimal("3"))
                .containsEntry("body", Map.of("{{key}}", "gold", "list", List.of("payment_failed", true)));
    }

    @Test
    void renderParams_whenAStringIsMalformed_throws() {
        assertThatThrownBy(() -> renderer.renderParams(Map.of("body", List.of("ok", "{{/x}}")), data))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("{{/x}}");
    }

    @Test
    void hasPlaceholders_whenATagIsDeepInAList_isTrue() {
        assertThat(PlaceholderRenderer.hasPlaceholders(Map.of("body", Map.of("list", List.of(1, "{{member.id}}")))))
                .isTrue();
    }

    @Test
    void hasPlaceholders_whenOnlyKeysOrNonStringsLookLikeTags_isFalseAndRenderingGivesAnEqualMap() {
        Map<String, Object> params = Map.of("{{key}}", "plain }} text", "count", 3, "list", List.of("a", true));

        assertThat(PlaceholderRenderer.hasPlaceholders(params)).isFalse();
        assertThat(renderer.renderParams(params, data)).isEqualTo(params);
    }
}
