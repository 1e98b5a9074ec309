package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What one person records appears on another's page at "now" without a reload; a page pinned before it does not show it. */
class WorkspaceLiveBrowserTest extends BrowserTest {

    @Test
    void aDecisionRecordedInOneBrowserAppearsInAnotherWithoutReloadAndTravellingBackHidesIt() {
        String program = newProgram();
        Browser viewer = signedIn("viewer", "/workspace/programs/" + program + "/decisions");
        assertThat(viewer.text(By.id("main"))).contains("No decisions");
        Browser pmo = signedIn("pmo", "/workspace/programs/" + program + "/decisions/new");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);

        pmo.type(By.id("decision-title"), "Adopt a single identity provider");
        pmo.type(By.id("decision-decidingBody"), "Steering Committee");
        pmo.type(By.id("decision-context"), "Three login systems today.");
        pmo.type(By.id("decision-options"), "A: Keep three\nB: One provider");
        pmo.type(By.id("decision-rationale"), "Fewer accounts to audit.");
        pmo.driver()
                .findElement(By.cssSelector("#decision-form button[type=submit]"))
                .click();
        assertThat(pmo.text(By.id("decision-status"))).isEqualTo("Proposed");
        long shownToPmo = System.nanoTime();

        viewer.waitForText(By.id("decision-register"), "Adopt a single identity provider");
        System.out.printf(
                "live update: the viewer's register showed the decision %d ms after the PMO's page did%n",
                (System.nanoTime() - shownToPmo) / 1_000_000);
        viewer.screenshot("decision-register-live");

        // as known a second before it was recorded, the decision is not there; the banner says so
        String knownAt =
                LocalDateTime.ofInstant(before, ZoneId.of("Europe/Brussels")).toString();
        viewer.date(By.id("travel-known-at"), knownAt.length() == 16 ? knownAt + ":00" : knownAt);
        viewer.driver()
                .findElement(By.cssSelector(".travel-form button[type=submit]:not([name])"))
                .click();
        viewer.waitForText(By.id("travel-banner"), "as known on");
        assertThat(viewer.text(By.id("main"))).doesNotContain("Adopt a single identity provider");
        assertThat(viewer.driver().getCurrentUrl()).contains("knownAt=" + before);
        viewer.screenshot("decision-register-known-before");

        viewer.driver().findElement(By.linkText("Back to now")).click();
        viewer.waitForText(By.id("decision-register"), "Adopt a single identity provider");

        // compare: as known before it was recorded, and now; the one event in between explains the difference
        viewer.driver()
                .findElement(By.linkText("Adopt a single identity provider"))
                .click();
        viewer.driver().findElement(By.id("compare-link")).click();
        viewer.date(By.id("a-known-at"), knownAt.length() == 16 ? knownAt + ":00" : knownAt);
        viewer.driver()
                .findElement(By.cssSelector("#compare-form button[type=submit]"))
                .click();
        assertThat(viewer.text(By.id("comparison"))).contains("PROPOSED", "Adopt a single identity provider");
        assertThat(viewer.text(By.id("compare-events"))).contains("Recorded", "by pmo", "seen at B only");
        viewer.screenshot("decision-compare");
    }
}
