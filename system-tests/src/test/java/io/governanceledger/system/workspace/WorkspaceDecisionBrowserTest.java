package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.system.Bodies;
import io.governanceledger.system.Http;
import io.governanceledger.system.LedgerSystem;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The PMO officer keeps the decision log in the workspace, in a real browser. */
@ExtendWith(Browser.Installed.class)
class WorkspaceDecisionBrowserTest {

    private static LedgerSystem system;
    private static Http commands;
    private Browser browser;

    @BeforeAll
    static void start() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    static String workspace(LedgerSystem system) {
        return "http://127.0.0.1:" + system.queryContext().getEnvironment().getRequiredProperty("local.server.port");
    }

    static String newProgram(Http commands) {
        String id = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(id)).status())
                .isEqualTo(201);
        return id;
    }

    @Test
    void thePmoOfficerRecordsAndApprovesADecisionAndSeesItOnTheDashboard() {
        String program = newProgram(commands);
        String base = workspace(system);
        browser = Browser.open("en").signIn(base + "/workspace/programs/" + program, "pmo");
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

        browser.driver().findElement(By.linkText("Airport automation")).click();
        assertThat(browser.text(By.id("recent-decisions"))).contains("Move hosting to a cloud provider", "Approved");
        browser.screenshot("program-dashboard");
    }
}
