package io.memberautomation.core.action;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.memberautomation.core.action.internal.TemplateCompiler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Renders {@code {{member.first_name}}}-style placeholders with Mustache semantics (JMustache):
 * dotted names walk nested maps, sections ({@code {{#member.tags}}...{{/member.tags}}}) iterate lists and
 * test values (false, an empty string and an empty list are false), and a triple mustache writes a value
 * unescaped.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a missing value, at any depth, renders as empty text and never throws;</li>
 *   <li>a malformed template (an unclosed tag or section, a stray close tag, an empty tag, a partial)
 *       throws {@link TemplateRenderException} naming the line and the text around the problem;</li>
 *   <li>compiled templates are cached by their text (bounded, least recently used out first), so a
 *       template is parsed once, not once per member;</li>
 *   <li>the renderer is thread-safe.</li>
 * </ul>
 * Values are written with their {@code toString()}: numbers as written ({@code 10.50}), dates and
 * instants in ISO-8601.
 */
public final class PlaceholderRenderer {

    /** Cache size of {@link #PlaceholderRenderer()}: plenty for every template of a large organization. */
    public static final int DEFAULT_MAX_CACHED_TEMPLATES = 10_000;

    private final Cache<Key, Template> compiled;

    public PlaceholderRenderer() {
        this(DEFAULT_MAX_CACHED_TEMPLATES);
    }

    /** @param maxCachedTemplates how many compiled templates to keep, at least 1 */
    public PlaceholderRenderer(int maxCachedTemplates) {
        if (maxCachedTemplates < 1) {
            throw new IllegalArgumentException("maxCachedTemplates must be at least 1: " + maxCachedTemplates);
        }
        // Runnable::run: cache upkeep happens on the caller's thread, not in the common pool.
        this.compiled = Caffeine.newBuilder().maximumSize(maxCachedTemplates).executor(Runnable::run).build();
    }

    /**
     * Renders one template.
     *
     * @throws TemplateRenderException when the template is malformed
     */
    public String render(String template, RenderData data, Escaping escaping) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(escaping, "escaping");
        if (!TemplateCompiler.hasTags(template)) {
            return template;
        }
        return execute(template, data.toContext(), escaping);
    }

    /**
     * Renders every string inside {@code params}, however deep in objects and lists, without escaping;
     * keys and non-string values are kept as they are. A placeholder always gives a string:
     * {@code "{{member.age}}"} renders to {@code "42"}, not to the number.
     *
     * @return an unmodifiable map in the order of {@code params}
     * @throws TemplateRenderException when one of the strings is a malformed template
     */
    public Map<String, Object> renderParams(Map<String, Object> params, RenderData data) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(data, "data");
        return renderMap(params, new LazyContext(data));
    }

    /**
     * Whether any string inside {@code params}, however deep, has a placeholder tag. When none has,
     * {@link #renderParams} returns a map equal to {@code params}, so a caller that checked once may skip it.
     */
    public static boolean hasPlaceholders(Map<String, ?> params) {
        return containsTags(params);
    }

    private static boolean containsTags(@Nullable Object value) {
        if (value instanceof String text) {
            return TemplateCompiler.hasTags(text);
        }
        if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) {
                if (containsTags(element)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (containsTags(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, Object> renderMap(Map<?, ?> source, LazyContext context) {
        Map<String, Object> out = new LinkedHashMap<>(source.size() * 2);
        source.forEach((key, value) -> out.put(String.valueOf(key), renderValue(value, context)));
        return Collections.unmodifiableMap(out);
    }

    private Object renderValue(Object value, LazyContext context) {
        if (value instanceof String text) {
            return TemplateCompiler.hasTags(text) ? execute(text, context.get(), Escaping.PLAIN) : text;
        }
        if (value instanceof Map<?, ?> map) {
            return renderMap(map, context);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(renderValue(element, context));
            }
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    private String execute(String template, Map<String, Object> context, Escaping escaping) {
        Template compiledTemplate = compiled.get(new Key(template, escaping),
                key -> TemplateCompiler.compile(key.template(), compiler(key.escaping())));
        return TemplateCompiler.execute(template, compiledTemplate, context);
    }

    private static Mustache.Compiler compiler(Escaping escaping) {
        return escaping == Escaping.HTML ? TemplateCompiler.HTML : TemplateCompiler.PLAIN;
    }

    /** The escaper is fixed when JMustache compiles, so a template is cached once per escaping. */
    private record Key(String template, Escaping escaping) {}

    /** Builds the template context once per {@link #renderParams} call, and only if a string needs it. */
    private static final class LazyContext {
        private final RenderData data;
        private @Nullable Map<String, Object> context;

        LazyContext(RenderData data) {
            this.data = data;
        }

        Map<String, Object> get() {
            Map<String, Object> built = context;
            if (built == null) {
                built = data.toContext();
                context = built;
            }
            return built;
        }
    }
}
