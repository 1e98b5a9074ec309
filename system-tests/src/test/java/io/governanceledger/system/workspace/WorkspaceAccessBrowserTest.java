package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.system.Bodies;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Grants decide what each person sees in the workspace, as in the API; administrators and operators do their jobs there. */
class WorkspaceAccessBrowserTest extends BrowserTest {

    @Test
    void aPersonWithoutAGrantOnAProgramNeverSeesItAnywhere() {
        String program = newProgram();
        commands.post("pmo", "/api/programs/" + program + "/decisions", Bodies.decision("Hidden decision"));
        Browser outsider = signedIn("outsider", "/workspace");
        // (other tests grant the outsider's group programs of their own; this one it never sees)
        assertThat(outsider.text(By.id("main"))).doesNotContain(program);
        for (String page : new String[] {
            "/workspace/programs/" + program,
            "/workspace/programs/" + program + "/decisions",
            "/workspace/programs/" + program + "/budget",
            "/workspace/programs/" + program + "/contracts",
            "/workspace/programs/" + program + "/audit",
            "/workspace/programs/" + program + "/decisions/new",
            "/workspace/programs/" + program + "/marks",
            "/workspace/programs/" + program + "/access",
        }) {
            outsider.get(workspace() + page);
            assertThat(outsider.text(By.tagName("h1"))).as(page).isEqualTo("Not found");
            assertThat(outsider.driver().getPageSource()).as(page).doesNotContain("Hidden decision");
        }
        // the same answer as a program that does not exist
        outsider.get(workspace() + "/workspace/programs/NO-SUCH-PROGRAM");
        assertThat(outsider.text(By.tagName("h1"))).isEqualTo("Not found");
        outsider.get(workspace() + "/workspace/inbox");
        assertThat(outsider.text(By.id("main"))).doesNotContain(program);
        outsider.get(workspace() + "/workspace/ledger");
        assertThat(outsider.text(By.id("bundles"))).doesNotContain(program);
        outsider.screenshot("outsider-not-found");
    }

    @Test
    void theAdministratorGrantsARoleAndThePersonThenSeesTheProgram() {
        String program = newProgram();
        Browser admin = signedIn("admin", "/workspace/programs/" + program + "/access");
        new Select(admin.waitFor(By.id("grant-kind"))).selectByValue("PERSON");
        admin.type(By.id("grant-id"), "newcomer");
        new Select(admin.waitFor(By.id("grant-role"))).selectByValue("VIEWER");
        admin.type(By.id("grant-reason"), "Reviewer for the March steering committee");
        admin.driver()
                .findElement(By.cssSelector("#grant-form button[type=submit]"))
                .click();
        assertThat(admin.text(By.id("grants"))).contains("Person newcomer", "Viewer");
        admin.screenshot("access");

        Browser newcomer = signedIn("newcomer", "/workspace");
        assertThat(newcomer.text(By.id("main"))).contains(program);
    }

    @Test
    void anOperatorRebuildsAReadModelAndFollowsItsProgress() {
        newProgram();
        Browser operator = signedIn("operator", "/workspace/admin");
        operator.driver()
                .findElement(By.xpath("//form[input[@name='readModel' and @value='decisions']]/button"))
                .click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(operator.text(By.xpath("//tr[th[text()='decisions']]/td[1]")))
                        .isEqualTo("done: the new copy answers"));
        operator.screenshot("read-models");
    }
}
