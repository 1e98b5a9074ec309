package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.system.BudgetFixture;
import io.governanceledger.system.LedgerSystem;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The finance office runs its budget in the workspace: requests, the four-eyes inbox, a back-dated invoice. */
class WorkspaceBudgetBrowserTest extends BrowserTest {

    private Browser browser;

    private void as(String account, String page) {
        browser = signedIn(account, page);
    }

    @Test
    void aMovementAboveTheThresholdNeedsTwoOtherPeopleInTheInbox() {
        BudgetFixture budget = new BudgetFixture(commands, "WB")
                .line("INFRA-2026-CAPEX", "Infrastructure", "CAPEX", 2026)
                .line("OPS-2026-OPEX", "Operations", "OPEX", 2026)
                .policy("500000")
                .delegation("finance", "100000")
                .delegation("cfo", "2000000")
                .delegation("controller", "2000000");
        String page = "/workspace/programs/" + budget.program + "/budget";

        as("finance", page);
        new Select(browser.waitFor(By.id("movement-kind"))).selectByValue("ALLOCATION");
        new Select(browser.waitFor(By.id("movement-lineId"))).selectByValue("INFRA-2026-CAPEX");
        browser.type(By.id("movement-amount"), "900000");
        browser.date(By.id("movement-effectiveDate"), "2026-01-05");
        browser.type(By.id("movement-reason"), "Initial allocation");
        browser.driver()
                .findElement(By.cssSelector("#movement-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("movement-ledger"))).contains("Allocation", "Pending", "Initial allocation");

        as("cfo", "/workspace/inbox");
        assertThat(browser.text(By.id("main"))).contains("0 of 2", "Initial allocation");
        browser.screenshot("inbox");
        browser.driver()
                .findElement(By.cssSelector("form[id^=form-approve-] input[name=reason]"))
                .sendKeys("Budget agreed in SC-2026-01");
        browser.driver()
                .findElement(By.cssSelector("form[id^=form-approve-] button"))
                .click();
        assertThat(browser.text(By.id("main"))).doesNotContain("Initial allocation");

        as("controller", "/workspace/inbox");
        assertThat(browser.text(By.id("main"))).contains("1 of 2 (cfo)");
        browser.driver()
                .findElement(By.cssSelector("form[id^=form-approve-] button"))
                .click();
        assertThat(browser.text(By.id("main"))).doesNotContain("Initial allocation");

        as("finance", page);
        assertThat(browser.text(By.id("movement-ledger"))).contains("Booked", "cfo, controller");
        assertThat(browser.text(By.id("budget-lines"))).contains("€900,000.00");
        browser.screenshot("budget");

        // the line's lineage, and the line compared as of 4 January (before the allocation's date) and today
        browser.driver().findElement(By.linkText("INFRA-2026-CAPEX")).click();
        browser.driver().findElement(By.linkText("Compare with another point")).click();
        browser.date(By.id("a-as-of"), "2026-01-04");
        browser.driver()
                .findElement(By.cssSelector("#compare-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("comparison"))).contains("900000");
        assertThat(browser.text(By.id("compare-events"))).contains("ALLOCATION", "seen at B only");
    }

    @Test
    void theRequesterCannotApproveAndARefusalNamesItsRule() {
        BudgetFixture budget = new BudgetFixture(commands, "WR")
                .line("INFRA-2026-CAPEX", "Infrastructure", "CAPEX", 2026)
                .delegation("finance", "100000");
        as("finance", "/workspace/programs/" + budget.program + "/budget");
        new Select(browser.waitFor(By.id("movement-kind"))).selectByValue("COMMITMENT");
        new Select(browser.waitFor(By.id("movement-lineId"))).selectByValue("INFRA-2026-CAPEX");
        browser.type(By.id("movement-amount"), "100.001");
        browser.type(By.id("movement-reason"), "Too precise");
        long before = system.storedEvents();
        browser.driver()
                .findElement(By.cssSelector("#movement-form button[type=submit]"))
                .click();
        assertThat(browser.text(By.id("form-problem"))).contains("Not recorded");
        assertThat(browser.waitFor(By.id("movement-amount")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.text(By.id("movement-amount-error"))).isNotBlank();
        assertThat(system.storedEvents()).isEqualTo(before);
        browser.screenshot("movement-form-refused");
    }

    @Test
    void aBackDatedInvoiceChangesTodaysViewOfThePastButNotTheViewAsKnownBeforeIt() {
        BudgetFixture budget = new BudgetFixture(commands, "WI")
                .line("INFRA-2026-CAPEX", "Infrastructure", "CAPEX", 2026)
                .delegation("finance", "2000000");
        assertThat(budget.move(
                                "finance",
                                "ALLOCATION",
                                "INFRA-2026-CAPEX",
                                null,
                                new BigDecimal("50000"),
                                null,
                                null,
                                "2026-01-05")
                        .status())
                .isEqualTo(201);
        await(system);
        Instant beforeInvoice = Instant.now();
        assertThat(budget.move(
                                "finance",
                                "ACTUAL",
                                "INFRA-2026-CAPEX",
                                null,
                                new BigDecimal("1234.50"),
                                "INV-1",
                                null,
                                "2026-02-01")
                        .status())
                .isEqualTo(201);

        String page = "/workspace/programs/" + budget.program + "/budget";
        as("auditor", page + "?asOf=2026-02-28&readAfter=" + lastEvent(system));
        assertThat(browser.text(By.id("budget-lines"))).contains("€1,234.50");
        as("auditor", page + "?asOf=2026-02-28&knownAt=" + beforeInvoice);
        assertThat(browser.text(By.id("travel-banner"))).contains("as of 28 February 2026, as known on");
        assertThat(browser.text(By.id("budget-lines")))
                .doesNotContain("€1,234.50")
                .contains("€50,000.00");
        browser.screenshot("budget-known-before-invoice");
    }

    /** The sealer stamps recorded times after commit: wait until the allocation's time is behind us. */
    private static void await(LedgerSystem system) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> system.jdbc()
                                .sql("SELECT count(*) FROM event_store.domain_event_entry e "
                                        + "LEFT JOIN event_store.ledger_entry l ON l.global_index = e.global_index "
                                        + "WHERE l.position IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static String lastEvent(LedgerSystem system) {
        return system.jdbc()
                .sql("SELECT event_identifier FROM event_store.domain_event_entry ORDER BY global_index DESC LIMIT 1")
                .query(String.class)
                .single();
    }
}
