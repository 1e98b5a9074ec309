package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.ledger.BundleVerifier;
import io.governanceledger.ledger.SigningKeys;
import io.governanceledger.ledger.VerificationReport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** The auditor reads the trail, checks an event's proof, verifies the ledger and takes the program's bundle. */
class WorkspaceAuditorBrowserTest extends BrowserTest {

    @Test
    void theAuditorChecksAnEventsProofVerifiesTheLedgerAndDownloadsABundleThatVerifiesOffline() throws Exception {
        String program = newProgram();
        Browser auditor = signedIn("auditor", "/workspace/programs/" + program + "/audit");
        assertThat(auditor.text(By.id("audit-trail"))).contains("Program " + program, "Pat Morgan (pmo)");
        auditor.screenshot("audit-trail");

        // a checkpoint covers an event within seconds: its proof page says so once it does
        auditor.driver()
                .findElement(By.cssSelector("#audit-trail tbody tr td a"))
                .click();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    auditor.driver().navigate().refresh();
                    assertThat(auditor.text(By.id("main"))).contains("The proof holds");
                });
        assertThat(auditor.text(By.id("event-payload"))).contains(program);
        auditor.screenshot("event-proof");

        auditor.get(workspace() + "/workspace/ledger");
        auditor.driver().findElement(By.id("verify-now")).click();
        assertThat(auditor.text(By.id("verification"))).startsWith("Verified");
        auditor.screenshot("ledger-integrity");

        String bundle = auditor.driver()
                .findElement(By.xpath("//ul[@id='bundles']//a[contains(@href, 'programId=" + program + "')]"))
                .getAttribute("href");
        Cookie session = auditor.driver().manage().getCookieNamed("LEDGER_WORKSPACE");
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(bundle))
                                .header("Cookie", "LEDGER_WORKSPACE=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(program);
        String pem = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(workspace() + "/workspace/ledger/public-key.pem"))
                                .header("Cookie", "LEDGER_WORKSPACE=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
        java.nio.file.Path key = java.nio.file.Files.createTempFile("checkpoint-signing", ".pub");
        java.nio.file.Files.writeString(key, pem);
        VerificationReport offline =
                BundleVerifier.verify(new ByteArrayInputStream(download.body()), SigningKeys.loadPublic(key));
        assertThat(offline.status()).isEqualTo(VerificationReport.Status.VERIFIED);
    }
}
