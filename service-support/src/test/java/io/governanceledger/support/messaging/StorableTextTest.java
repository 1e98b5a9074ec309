package io.governanceledger.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text a ledger written before the edge's rules may hold, as the read models keep and show it. */
class StorableTextTest {

    @Test
    void writesWhatPostgresCannotHoldAsAVisibleEscapeAndLeavesTheRestAlone() {
        assertThat(StorableText.escape("a\u0000b")).isEqualTo("a\\u0000b");
        assertThat(StorableText.escape("a\ud800b")).isEqualTo("a\\uD800b");
        assertThat(StorableText.escape("x\udc00")).isEqualTo("x\\uDC00");
        assertThat(StorableText.escape("bell\u0007 and DEL\u007f")).isEqualTo("bell\\u0007 and DEL\\u007F");
        assertThat(StorableText.escape("two\nlines\tand a tab")).isEqualTo("two\nlines\tand a tab");
        assertThat(StorableText.escape("Caf\u00e9 \ud83d\ude00")).isEqualTo("Caf\u00e9 \ud83d\ude00");
    }

    @Test
    void documentsForJsonbCarryTheEscapeNotTheCharacter() {
        assertThat(LedgerSerializer.toJson(java.util.Map.of("name", "a\u0000b\ud800")))
                .isEqualTo("{\"name\":\"a\\\\u0000b\\\\uD800\"}");
    }
}
