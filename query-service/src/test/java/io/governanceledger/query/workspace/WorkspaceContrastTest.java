package io.governanceledger.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stylesheet's colours, read from its custom properties, meet WCAG 2.1 AA for every pair the pages
 * draw text in: 4.5:1 for text, 3:1 for the focus ring and the borders of controls (1.4.3, 1.4.11).
 */
class WorkspaceContrastTest {

    private static final Map<String, String> COLOURS = colours();

    private static Map<String, String> colours() {
        try (var css = WorkspaceContrastTest.class.getResourceAsStream("/static/workspace/assets/workspace.css")) {
            String text = new String(css.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> colours = new HashMap<>();
            Matcher property =
                    Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(text);
            while (property.find()) {
                colours.put(property.group(1), property.group(2));
            }
            colours.put("white", "#ffffff");
            return colours;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} on {1}: at least {2}:1")
    @CsvSource({
        "text, white, 4.5",
        "muted, white, 4.5",
        "link, white, 4.5",
        "muted, soft, 4.5",
        "link, soft, 4.5",
        "pinned, pinned-bg, 4.5",
        "live, live-bg, 4.5",
        "error, error-bg, 4.5",
        "error, white, 4.5",
        "white, accent, 4.5",
        "accent, white, 3",
        "line, white, 3"
    })
    void pairsMeetWcagAa(String foreground, String background, double least) {
        assertThat(COLOURS).containsKeys(foreground, background);
        assertThat(contrast(COLOURS.get(foreground), COLOURS.get(background))).isGreaterThanOrEqualTo(least);
    }

    /** WCAG 2.1's contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
