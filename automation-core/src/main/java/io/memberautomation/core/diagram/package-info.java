/** Pictures of automations: {@link io.memberautomation.core.diagram.MermaidDiagrams} draws one as a Mermaid flowchart. */
@NullMarked
package io.memberautomation.core.diagram;

import org.jspecify.annotations.NullMarked;
