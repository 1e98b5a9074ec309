package io.governanceledger.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The workspace speaks English, French and Dutch alike: every key in every language, every message well formed. */
class WorkspaceMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(
                WorkspaceMessagesTest.class.getResourceAsStream("/workspace/messages" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Set<Object> english = new TreeSet<>(bundle("").keySet());
        assertThat(new TreeSet<>(bundle("_fr").keySet())).isEqualTo(english);
        assertThat(new TreeSet<>(bundle("_nl").keySet())).isEqualTo(english);
    }

    /** Messages go through MessageFormat: a lone apostrophe would swallow text, a broken pattern would throw. */
    @Test
    void everyMessageIsAWellFormedPatternWithoutLoneApostrophes() throws IOException {
        for (String suffix : new String[] {"", "_fr", "_nl"}) {
            Properties messages = bundle(suffix);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                assertThat(pattern.replace("''", "")).as(key + suffix).doesNotContain("'");
                assertThat(new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {1, 2, 3, 4}))
                        .as(key + suffix)
                        .isNotBlank();
            }
        }
    }

    /** Every key a template names exists (keys built from a value, like {@code 'event.' + type}, are checked by their prefix). */
    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Properties english = bundle("");
        java.util.List<String> missing = new java.util.ArrayList<>();
        Pattern literal = Pattern.compile("#\\{([a-zA-Z]+(?:\\.[a-zA-Z]+)+)[}(]");
        Pattern prefix = Pattern.compile("'([a-zA-Z]+(?:\\.[a-zA-Z]+)*\\.)'\\s*\\+");
        for (Resource template :
                new PathMatchingResourcePatternResolver().getResources("classpath:/templates/workspace/**/*.html")) {
            String text = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher keys = literal.matcher(text);
            while (keys.find()) {
                if (!english.containsKey(keys.group(1))) {
                    missing.add(template.getFilename() + ": " + keys.group(1));
                }
            }
            Matcher prefixes = prefix.matcher(text);
            while (prefixes.find()) {
                String start = prefixes.group(1);
                if (english.stringPropertyNames().stream().noneMatch(key -> key.startsWith(start))) {
                    missing.add(template.getFilename() + ": keys starting with " + start);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
