package io.governanceledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.support.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** With Axon Server there is no ledger order to wait on: a read asking for one is refused, not answered stale. */
class ReadAfterUnavailableTest {

    private final ReadAfterUnavailable filter =
            new ReadAfterUnavailable(new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void aReadAfterAnEventIsRefusedAndNotPassedOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/programs");
        request.addHeader(ReadAfterGuard.HEADER, "41046fd3-e480-46a6-9f86-452ec57c6440");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(501);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"rule\":\"read-after-unavailable\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aReadWithoutTheHeaderIsPassedOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/programs");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }
}
