package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.system.Bodies;
import io.governanceledger.system.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The contract manager proposes amendments in the workspace; the ledger's verdict, and a rejection's rule, show on the page. */
class WorkspaceContractBrowserTest extends BrowserTest {

    @Test
    void anAmendmentBeyondDeMinimisIsRecordedRejectedWithItsRuleAndFiguresOnScreen() {
        String program = newProgram();
        Http.Response decision = commands.post(
                "pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Extend the framework scope"));
        String decisionId = decision.text("id");
        assertThat(commands.post(
                                "pmo",
                                "/api/programs/" + program + "/decisions/" + decisionId + "/approve",
                                "{\"decidedOn\": \"2026-03-10\", \"reason\": \"Minutes SC-2026-03\"}")
                        .status())
                .isEqualTo(200);
        Http.Response contract = commands.post("contracts", "/api/programs/" + program + "/contracts", """
                {"reference": "FC-2024-01", "title": "Airport systems framework", "supplier": "Acme Systems",
                 "regime": "CLASSIC", "type": "SERVICES", "authority": "CENTRAL", "initialValue": 2000000.00,
                 "currency": "EUR", "startDate": "2024-01-01", "endDate": "2039-01-01",
                 "indexation": {"indexName": "Agoria labour cost", "baseValue": 100},
                 "reviewClauses": [{"clauseId": "R1", "description": "Passenger volume review", "maximumValue": 300000}],
                 "renewalNoticeDays": 180, "deMinimisCounting": "NET_CUMULATIVE"}""");
        assertThat(contract.status()).as(contract.body()).isEqualTo(201);
        String contractId = contract.text("id");

        String base = "/api/programs/" + program + "/contracts/" + contractId;
        assertThat(commands.post(
                                "contracts",
                                base + "/index-values",
                                "{\"value\": 104, \"valueDate\": \"2026-01-01\", \"reason\": \"Agoria index January 2026\"}")
                        .status())
                .isEqualTo(200);
        assertThat(commands.post(
                                "contracts",
                                base + "/call-offs",
                                "{\"reference\": \"CO-3\", \"value\": 50000, \"placedOn\": \"2026-02-01\", \"reason\": \"Servers\"}")
                        .status())
                .isEqualTo(201);

        Browser browser = signedIn("contracts", "/workspace/programs/" + program + "/contracts");
        browser.driver().findElement(By.linkText("FC-2024-01")).click();
        new Select(browser.waitFor(By.id("amendment-legalBasis"))).selectByValue("DE_MINIMIS");
        browser.type(By.id("amendment-valueDelta"), "150000");
        browser.date(By.id("amendment-signedOn"), "2026-04-01");
        browser.date(By.id("amendment-effectiveFrom"), "2026-04-01");
        new Select(browser.waitFor(By.id("amendment-authorisingDecisionId"))).selectByValue(decisionId);
        browser.type(By.id("amendment-scope"), "Baggage handling interfaces");
        browser.type(By.id("amendment-signatories"), "A. Peeters\nAcme Systems");
        browser.type(By.id("amendment-reason"), "Change request CR-14");
        // checked first: the verdict on screen, nothing recorded, the form kept
        browser.driver().findElement(By.id("amendment-check-button")).click();
        assertThat(browser.text(By.id("amendment-check")))
                .contains("Checked, nothing recorded", "refused", "de-minimis-eu-threshold", "€140,000.00");
        assertThat(browser.all(By.cssSelector("article.rejected"))).isEmpty();
        assertThat(browser.waitFor(By.id("amendment-valueDelta")).getAttribute("value"))
                .isEqualTo("150000");
        browser.driver()
                .findElement(By.cssSelector("#amendment-form button[type=submit]"))
                .click();

        assertThat(browser.text(By.id("contract-timeline")))
                .contains("Award FC-2024-01", "Index value 104", "€2,080,000.00", "Call-off CO-3", "€50,000.00");
        String rejected = browser.text(By.cssSelector("article.rejected"));
        assertThat(rejected)
                .contains("Rejected", "Rejected by rule", "€150,000.00", "EU threshold", "10% = €208,000.00");
        assertThat(browser.driver().getCurrentUrl()).contains("/contracts/" + contractId, "#amendment-");
        browser.screenshot("contract-amendment-rejected");

        // compare: the contract before the rejected proposal was recorded and now
        browser.driver().findElement(By.linkText("Compare with another point")).click();
        browser.date(By.id("a-as-of"), "2025-12-31");
        browser.driver()
                .findElement(By.cssSelector("#compare-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("comparison"))).contains("Rejected proposals", "2000000.00", "2080000.00");
        browser.driver().navigate().back();
        browser.driver().navigate().back();
        browser.waitFor(By.id("amendment-form"));

        // a proposal the API cannot read is refused on its field, and nothing is recorded
        long before = system.storedEvents();
        new Select(browser.waitFor(By.id("amendment-legalBasis"))).selectByValue("NON_SUBSTANTIAL");
        browser.type(By.id("amendment-valueDelta"), "ten thousand");
        browser.date(By.id("amendment-signedOn"), "2026-04-01");
        browser.date(By.id("amendment-effectiveFrom"), "2026-04-01");
        new Select(browser.waitFor(By.id("amendment-authorisingDecisionId"))).selectByValue(decisionId);
        browser.type(By.id("amendment-scope"), "Wording");
        browser.type(By.id("amendment-signatories"), "A. Peeters");
        browser.type(By.id("amendment-reason"), "Typo");
        browser.driver()
                .findElement(By.cssSelector("#amendment-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("form-problem"))).contains("Not recorded");
        assertThat(browser.waitFor(By.id("amendment-valueDelta")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(system.storedEvents()).isEqualTo(before);
    }
}
