package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The decision form used with the keyboard alone: skip link, focus order, typing, sending. */
class WorkspaceKeyboardBrowserTest extends BrowserTest {

    @Test
    void theDecisionFormCanBeFilledAndSentWithTheKeyboardAloneInALogicalOrder() {
        String program = newProgram();
        Browser browser = signedIn("pmo", "/workspace/programs/" + program + "/decisions/new");
        Actions keys = new Actions(browser.driver());

        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused(browser).getText()).isEqualTo("Skip to content");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(focused(browser).getAttribute("id")).isEqualTo("main");

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.sendKeys(Keys.TAB).perform();
            String id = focused(browser).getAttribute("id");
            // a date field takes three stops (day, month, year): one field, once
            if (id != null
                    && id.startsWith("decision-")
                    && (order.isEmpty() || !order.get(order.size() - 1).equals(id))) {
                order.add(id);
            }
        }
        assertThat(order)
                .startsWith(
                        "decision-title",
                        "decision-decidingBody",
                        "decision-meetingDate",
                        "decision-decidedOn",
                        "decision-effectiveFrom",
                        "decision-context",
                        "decision-options",
                        "decision-chosenOption",
                        "decision-rationale",
                        "decision-participants",
                        "decision-quorum",
                        "decision-reason");

        browser.driver().navigate().refresh();
        browser.waitFor(By.id("decision-form"));
        keys.sendKeys(Keys.TAB).sendKeys(Keys.ENTER).sendKeys(Keys.TAB).perform();
        assertThat(focused(browser).getAttribute("id")).isEqualTo("decision-title");
        keys.sendKeys("Publish the minutes within five days").perform();
        keys.sendKeys(Keys.TAB).sendKeys("Steering Committee").perform();
        tabTo(browser, keys, "decision-context");
        keys.sendKeys("Minutes arrive late.").perform();
        keys.sendKeys(Keys.TAB)
                .sendKeys("A: Keep as is")
                .sendKeys(Keys.ENTER)
                .sendKeys("B: Five days")
                .perform();
        keys.sendKeys(Keys.TAB).sendKeys("B").perform();
        keys.sendKeys(Keys.TAB).sendKeys("Members decide on time.").perform();
        tabTo(browser, keys, "decision-form-submit");
        keys.sendKeys(Keys.ENTER).perform();

        assertThat(browser.text(By.id("decision-status"))).isEqualTo("Proposed");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Publish the minutes within five days");
    }

    private static WebElement focused(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    private static void tabTo(Browser browser, Actions keys, String id) {
        for (int i = 0; i < 30 && !id.equals(focused(browser).getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focused(browser).getAttribute("id")).isEqualTo(id);
    }
}
