package io.memberautomation.core.action;

/** How {@link PlaceholderRenderer} writes the values it puts into a template. */
public enum Escaping {
    /** Values as they are: subjects, plain-text bodies, SMS, webhook params. */
    PLAIN,
    /**
     * Values HTML-escaped ({@code & < > " ' ` =}), for HTML email bodies, so a member who calls himself
     * {@code <script>} cannot inject markup. A triple mustache {@code {{{name}}}} still writes the raw value,
     * as Mustache specifies.
     */
    HTML
}
