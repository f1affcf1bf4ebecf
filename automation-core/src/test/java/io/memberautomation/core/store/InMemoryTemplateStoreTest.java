package io.memberautomation.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.delivery.Template;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryTemplateStoreTest {
    private final InMemoryTemplateStore store = new InMemoryTemplateStore();

    @Test
    void find_whenPutInTheOrganization_returnsTheLatestTemplateWithThatId() {
        store.put("org-a", new Template("welcome", "Hi", "Hello {{member.first_name}}", Optional.empty()));
        Template replaced = new Template("welcome", "Welcome", "Hello again", Optional.of("<p>Hello</p>"));

        store.put("org-a", replaced);

        assertThat(store.find("org-a", "welcome")).contains(replaced);
        assertThat(store.find("org-a", "renewal")).isEmpty();
    }

    @Test
    void find_whenTemplateBelongsToAnotherOrganization_isEmpty() {
        store.put("org-a", new Template("welcome", "Hi", "Hello", Optional.empty()));

        assertThat(store.find("org-b", "welcome")).isEmpty();
    }
}
