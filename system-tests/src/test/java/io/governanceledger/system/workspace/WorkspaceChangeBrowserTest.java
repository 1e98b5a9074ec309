package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.system.Bodies;
import io.governanceledger.system.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The PMO runs a change request through the workspace: raised with its affected items, taken up and
 * assessed, submitted to a decision that the steering committee approves, implemented, the milestone
 * reforecast under it and a new baseline captured; then a forecast beyond tolerance shows as an open
 * exception on the dashboard.
 */
class WorkspaceChangeBrowserTest extends BrowserTest {

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @Test
    void aChangeRequestRunsFromRaisedToABaselineAndAnExceptionShowsOnTheDashboard() {
        String program = newProgram();
        String api = "/api/programs/" + program;
        ok(commands.post("finance", api + "/budget/lines", """
                {"lineId": "L-DEV", "workstream": "Development", "category": "CAPEX", "fiscalYear": 2027}"""), 201);
        ok(commands.post("finance", api + "/budget/lines", """
                {"lineId": "L-OPS", "workstream": "Operations", "category": "OPEX", "fiscalYear": 2027}"""), 201);
        ok(commands.post("cfo", api + "/budget/delegations", """
                {"holder": "finance", "maxAmount": 5000000, "currency": "EUR", "validFrom": "2024-01-01",
                 "validTo": "2039-01-01", "reason": "Delegation DA-1"}"""), 201);
        for (String line : new String[] {"L-DEV", "L-OPS"}) {
            ok(commands.post("finance", api + "/budget/movements", """
                    {"kind": "ALLOCATION", "lineId": "%s", "amount": 1000000, "currency": "EUR",
                     "effectiveDate": "2026-01-05", "reason": "Budget 2027"}""".formatted(line)), 201);
        }
        ok(commands.post("pmo", api + "/milestones", """
                {"milestoneId": "M1", "name": "Go-live terminal A", "owner": "B. Janssens", "plannedDate": "2027-06-30"}"""), 201);
        String plan = approved(api, "Approve the programme plan");
        ok(
                commands.post(
                        "pmo", api + "/baselines", "{\"name\": \"Initial plan\", \"decisionId\": \"" + plan + "\"}"),
                201);
        ok(commands.post("pmo", api + "/tolerances", """
                {"decisionId": "%s", "costPercent": 5, "timeDays": 30}""".formatted(plan)), 200);

        Browser browser = signedIn("pmo", "/workspace/programs/" + program + "/changes");
        // a request without a title is refused on its field, nothing recorded
        browser.type(By.id("raise-description"), "Passenger growth needs 40 more kiosks.");
        browser.driver().executeScript("document.getElementById('raise-form').noValidate = true;");
        browser.driver()
                .findElement(By.cssSelector("#raise-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("form-problem"))).contains("Not recorded");
        assertThat(browser.text(By.cssSelector(".field.invalid"))).contains("Title");
        assertThat(commands.get("auditor", api + "/change-requests")
                        .json()
                        .path("changeRequests")
                        .size())
                .isZero();

        browser.type(By.id("raise-title"), "Second check-in hall");
        new Select(browser.waitFor(By.id("raise-type"))).selectByValue("SCOPE");
        new Select(browser.waitFor(By.id("raise-urgency"))).selectByValue("HIGH");
        browser.type(By.id("raise-organisation"), "Airport operations");
        browser.type(By.id("raise-person"), "D. Claes");
        new Select(browser.waitFor(By.id("raise-affected-MILESTONE"))).selectByValue("M1");
        new Select(browser.waitFor(By.id("raise-affected-BUDGET_LINE"))).selectByValue("L-DEV");
        browser.driver()
                .findElement(By.cssSelector("#raise-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("change-status"))).isEqualTo("Raised");
        assertThat(browser.text(By.id("affected"))).contains("Milestone M1", "Budget line L-DEV");

        browser.driver()
                .findElement(By.cssSelector("#form-assessment button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("change-status"))).isEqualTo("Under assessment");
        new Select(browser.waitFor(By.id("cost-line-0"))).selectByValue("L-DEV");
        browser.type(By.id("cost-amount-0"), "120000");
        new Select(browser.waitFor(By.id("schedule-milestone-0"))).selectByValue("M1");
        browser.type(By.id("schedule-days-0"), "45");
        browser.type(By.id("assess-scope"), "40 kiosks in a new hall");
        browser.type(By.id("assess-risk"), "Supplier capacity in spring");
        browser.driver()
                .findElement(By.cssSelector("#form-assess button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("change-status"))).isEqualTo("Assessed");
        assertThat(browser.text(By.id("impact-costs"))).contains("L-DEV", "€120,000.00");
        assertThat(browser.text(By.id("impact-schedule"))).contains("M1", "+45 days");

        String decision = commands.post("pmo", api + "/decisions", Bodies.decision("Approve CR-1 second hall"))
                .text("id");
        browser.driver().navigate().refresh();
        new Select(browser.waitFor(By.id("submit-decisionId"))).selectByValue(decision);
        browser.driver()
                .findElement(By.cssSelector("#form-submit button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("change-status"))).isEqualTo("Submitted");
        ok(commands.post("pmo", api + "/decisions/" + decision + "/approve", """
                {"decidedOn": "%s", "conditions": "Within the 2027 capital budget"}""".formatted(today)), 200);
        browser.waitForText(By.id("change-status"), "Approved");
        assertThat(browser.text(By.id("conditions"))).contains("Within the 2027 capital budget");
        assertThat(browser.text(By.id("decision-link"))).isEqualTo("Approve CR-1 second hall");
        browser.driver()
                .findElement(By.cssSelector("#form-implementation button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("change-status"))).isEqualTo("Implementing");

        // the milestone moves under CR-1: 45 days later than the baseline, within the approved plan
        browser.get(workspace() + "/workspace/programs/" + program + "/milestones");
        new Select(browser.waitFor(By.id("milestone-forecast-milestoneId"))).selectByValue("M1");
        browser.date(By.id("milestone-forecast-forecastDate"), "2027-08-14");
        browser.type(By.id("milestone-forecast-reason"), "Second hall");
        new Select(browser.waitFor(By.id("milestone-forecast-changeRequestId"))).selectByValue("CR-1");
        browser.driver()
                .findElement(By.cssSelector("#form-milestone-forecast button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("milestone-M1"))).contains("30 Jun 2027", "14 Aug 2027", "+45 days");
        assertThat(browser.all(By.cssSelector("figure.milestones svg rect.now-mark")))
                .hasSize(1);
        browser.screenshot("milestones");

        browser.get(workspace() + "/workspace/programs/" + program + "/baselines");
        browser.type(By.id("baseline-name"), "After CR-1");
        new Select(browser.waitFor(By.id("baseline-changeRequestId"))).selectByValue("CR-1");
        browser.driver()
                .findElement(By.cssSelector("#form-baseline button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("baseline-list"))).contains("2 · After CR-1", "1 · Initial plan");
        new Select(browser.waitFor(By.id("compare-number"))).selectByValue("1");
        new Select(browser.waitFor(By.id("compare-against"))).selectByValue("2");
        browser.driver()
                .findElement(By.cssSelector("#comparison-heading + form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("date-variance"))).contains("M1", "+45 days");
        browser.screenshot("baseline-comparison");

        browser.get(workspace() + "/workspace/programs/" + program + "/changes/CR-1");
        assertThat(browser.text(By.id("trace-plan"))).contains("Forecast changed: M1");
        assertThat(browser.text(By.id("trace-baselines"))).contains("Baseline 2: After CR-1");
        browser.screenshot("change-request");

        // L-OPS forecast 1,100,000 against 1,000,000 planned: 100,000 off, beyond 5% (50,000)
        ok(commands.post("finance", api + "/budget/movements", """
                {"kind": "REFORECAST", "lineId": "L-OPS", "amount": 1100000, "currency": "EUR",
                 "effectiveDate": "%s", "reason": "Energy prices"}""".formatted(today)), 201);
        browser.get(workspace() + "/workspace/programs/" + program);
        browser.waitForText(By.id("open-exceptions"), "EX-1");
        assertThat(browser.text(By.id("open-exceptions")))
                .contains("Cost of L-OPS", "€1,100,000.00", "€100,000.00", "€50,000.00");
        browser.screenshot("dashboard-open-exception");

        // the same screens in French and in Dutch
        browser.get(workspace() + "/workspace/programs/" + program + "/changes/CR-1?lang=fr");
        assertThat(browser.text(By.id("change-status"))).isEqualTo("En mise en œuvre");
        assertThat(browser.text(By.id("impact-schedule"))).contains("+45 jours");
        browser.get(workspace() + "/workspace/programs/" + program + "/milestones?lang=nl");
        assertThat(browser.text(By.tagName("h1"))).startsWith("Mijlpalen van");
        // against baseline 2, which took the move in
        assertThat(browser.text(By.id("milestone-M1"))).contains("14 aug. 2027", "+0 dagen");
    }

    private static String approved(String api, String title) {
        String decision =
                commands.post("pmo", api + "/decisions", Bodies.decision(title)).text("id");
        ok(commands.post("pmo", api + "/decisions/" + decision + "/approve", "{\"decidedOn\": \"2026-03-10\"}"), 200);
        return decision;
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
