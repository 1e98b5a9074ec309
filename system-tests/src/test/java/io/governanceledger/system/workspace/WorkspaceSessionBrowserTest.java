package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** The session, the page's protections, its languages and its width, as a browser meets them. */
class WorkspaceSessionBrowserTest extends BrowserTest {

    @Test
    void signingOutEndsTheSessionHereAndAtTheIssuer() {
        Browser pmo = signedIn("pmo", "/workspace");
        Cookie session = pmo.driver().manage().getCookieNamed("LEDGER_WORKSPACE");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        pmo.driver().findElement(By.cssSelector("header form button")).click();
        pmo.waitForText(By.tagName("h1"), "You are signed out");
        assertThat(pmo.driver().getCurrentUrl()).isEqualTo(workspace() + "/signed-out");

        // both sessions are gone: the workspace sends the browser to the issuer, which asks for a login
        pmo.driver().get(workspace() + "/workspace");
        pmo.waitFor(By.id("username"));
    }

    @Test
    void everyPageIsServedWithAStrictContentSecurityPolicyAndNoInlineScript() throws Exception {
        Browser auditor = signedIn("auditor", "/workspace");
        String program = newProgram();
        for (String page : List.of(
                "/workspace",
                "/workspace/programs/" + program,
                "/workspace/programs/" + program + "/decisions",
                "/workspace/programs/" + program + "/budget",
                "/workspace/ledger")) {
            auditor.get(workspace() + page);
            // no inline script and no inline style anywhere: the policy would block them and the page must not need
            // them
            assertThat(auditor.driver().findElements(By.cssSelector("script:not([src])")))
                    .as(page)
                    .isEmpty();
            assertThat(auditor.driver().findElements(By.cssSelector("[style]")))
                    .as(page)
                    .isEmpty();
        }
        var headers = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(workspace() + "/workspace"))
                                .header(
                                        "Cookie",
                                        "LEDGER_WORKSPACE="
                                                + auditor.driver()
                                                        .manage()
                                                        .getCookieNamed("LEDGER_WORKSPACE")
                                                        .getValue())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void theWorkspaceSpeaksTheBrowsersLanguageAndSwitchesOnRequest() {
        String program = newProgram();
        Browser browser = signedIn("pmo", "/workspace/programs/" + program, "fr");
        assertThat(browser.text(By.id("travel-banner"))).contains("à ce jour", "tel que connu maintenant");
        assertThat(browser.text(By.id("main"))).contains("Budget", "Décisions récentes", "1 janvier 2024");
        browser.driver().findElement(By.linkText("Nederlands")).click();
        browser.waitForText(By.id("main"), "Recente besluiten");
        assertThat(browser.text(By.id("main"))).contains("1 januari 2024");
        browser.screenshot("program-dashboard-nl");
        // the choice is kept: the next page is in Dutch too
        browser.get(workspace() + "/workspace");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Portfolio");
        assertThat(browser.text(By.tagName("nav"))).contains("Wacht op u");
    }

    @Test
    void thePagesHoldAtTabletWidthWithoutScrollingSideways() {
        String program = newProgram();
        Browser tablet = Browser.open("en", 800, 1100);
        try {
            tablet.signIn(workspace() + "/workspace/programs/" + program, "pmo");
            for (String page : List.of(
                    "/workspace",
                    "/workspace/programs/" + program,
                    "/workspace/programs/" + program + "/decisions",
                    "/workspace/programs/" + program + "/budget",
                    "/workspace/programs/" + program + "/decisions/new")) {
                tablet.get(workspace() + page);
                Object overflow = tablet.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
            }
            tablet.screenshot("program-dashboard-tablet");
        } finally {
            tablet.close();
        }
    }

    /** A link the guards cannot serve (knowledge in the future, an event that does not exist) gives a page, not an error. */
    @Test
    void aLinkToTheFutureOrToAnUnknownEventStillGivesAPageThatSaysSo() {
        String program = newProgram();
        Browser browser = signedIn("viewer", "/workspace/programs/" + program);
        browser.get(workspace() + "/workspace/programs/" + program
                + "/decisions?knownAt=2199-01-01T00:00:00Z&asOf=2026-03-31");
        assertThat(browser.text(By.cssSelector("p.refused"))).contains("That point could not be used");
        assertThat(browser.driver().getCurrentUrl())
                .contains("asOf=2026-03-31", "travelRefused=knownAt")
                .doesNotContain("2199");
        browser.get(workspace() + "/workspace/programs/" + program + "?readAfter=00000000-0000-0000-0000-000000000000");
        assertThat(browser.text(By.tagName("h1"))).contains(program);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("readAfter");
    }
}
