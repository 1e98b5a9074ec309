package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The PMO officer keeps the decision log in the workspace, in a real browser. */
class WorkspaceDecisionBrowserTest extends BrowserTest {

    @Test
    void thePmoOfficerRecordsAndApprovesADecisionAndSeesItOnTheDashboard() {
        String program = newProgram();
        Browser browser = signedIn("pmo", "/workspace/programs/" + program);
        assertThat(browser.text(By.tagName("h1"))).contains("Airport automation", program);
        browser.screenshot("program-dashboard-empty");

        browser.driver().findElement(By.linkText("Decisions")).click();
        browser.driver().findElement(By.linkText("Record a decision")).click();
        browser.type(By.id("decision-title"), "Move hosting to a cloud provider");
        browser.type(By.id("decision-decidingBody"), "Steering Committee");
        browser.date(By.id("decision-meetingDate"), "2026-03-10");
        browser.type(By.id("decision-context"), "The data-centre contract ends on 31 December 2026.");
        browser.type(By.id("decision-options"), "A: Renew the data-centre contract\nB: Move to a cloud provider");
        browser.type(By.id("decision-chosenOption"), "B");
        browser.type(By.id("decision-rationale"), "Lower cost over ten years; exit plan agreed.");
        browser.type(By.id("decision-participants"), "A. Peeters (chair)\nB. Janssens");
        browser.type(By.id("decision-quorum"), "2");
        browser.screenshot("decision-form");
        browser.driver()
                .findElement(By.cssSelector("#decision-form button[type=submit]"))
                .click();

        assertThat(browser.text(By.id("decision-status"))).isEqualTo("Proposed");
        assertThat(browser.text(By.id("decision-timeline"))).contains("Recorded", "by pmo");

        browser.date(By.id("approve-decidedOn"), "2026-03-10");
        browser.date(By.id("approve-effectiveFrom"), "2026-07-01");
        browser.type(By.id("approve-reason"), "Minutes SC-2026-03, item 4");
        browser.driver()
                .findElement(By.cssSelector("#form-approve button[type=submit]"))
                .click();

        assertThat(browser.text(By.id("decision-status"))).isEqualTo("Approved");
        assertThat(browser.text(By.id("decision-timeline"))).contains("Approved", "Minutes SC-2026-03, item 4");
        browser.screenshot("decision-page");

        // superseded by a new decision: the new one is approved at once, the old one says by what
        browser.driver().findElement(By.linkText("Supersede")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Supersede \u201cMove hosting to a cloud provider\u201d");
        browser.type(By.id("decision-title"), "Move hosting to a cloud provider in two phases");
        browser.type(By.id("decision-decidingBody"), "Steering Committee");
        browser.date(By.id("decision-decidedOn"), "2026-04-14");
        browser.type(By.id("decision-context"), "The supplier cannot migrate everything before 1 July.");
        browser.type(By.id("decision-options"), "B: Everything on 1 July\nB2: In two phases");
        browser.type(By.id("decision-chosenOption"), "B2");
        browser.type(By.id("decision-rationale"), "Avoids a freeze during the summer peak.");
        browser.type(By.id("decision-reason"), "Minutes SC-2026-04, item 2");
        browser.driver().findElement(By.id("decision-form-submit")).click();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Move hosting to a cloud provider in two phases");
        assertThat(browser.text(By.id("decision-status"))).isEqualTo("Approved");

        browser.driver().findElement(By.linkText("Airport automation")).click();
        assertThat(browser.text(By.id("recent-decisions"))).contains("Move hosting to a cloud provider", "Approved");
        browser.screenshot("program-dashboard");
    }

    /** A form sent twice (a double click, a resend after a lost answer) carries one key: recorded once. */
    @Test
    void aFormSentTwiceIsRecordedOnce() throws Exception {
        String program = newProgram();
        Browser browser = signedIn("pmo", "/workspace/programs/" + program + "/decisions/new");
        String csrf = browser.waitFor(By.cssSelector("#decision-form input[name=_csrf]"))
                .getAttribute("value");
        String key = browser.waitFor(By.cssSelector("#decision-form input[name=idempotencyKey]"))
                .getAttribute("value");
        String session =
                browser.driver().manage().getCookieNamed("LEDGER_WORKSPACE").getValue();
        String form = java.util.stream.Stream.of(
                        "_csrf=" + csrf,
                        "idempotencyKey=" + key,
                        "title=Sent twice",
                        "decidingBody=Steering Committee",
                        "context=c",
                        "options=A: a",
                        "rationale=r")
                .map(pair -> pair.substring(0, pair.indexOf('=') + 1)
                        + java.net.URLEncoder.encode(
                                pair.substring(pair.indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var answer = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(workspace() + "/workspace/programs/" + program + "/decisions"))
                            .header("Cookie", "LEDGER_WORKSPACE=" + session)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(302);
            answers.add(answer.headers().firstValue("Location").orElseThrow());
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(system.jdbc()
                        .sql(
                                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%DecisionRecorded%'"
                                        + " AND convert_from(meta_data, 'UTF8')::jsonb ->> 'programId' = ?")
                        .param(program)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
