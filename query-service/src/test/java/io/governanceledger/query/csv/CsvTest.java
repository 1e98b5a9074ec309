package io.governanceledger.query.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A cell a spreadsheet would run as a formula, in whatever locale splits it, reaches it as text. */
class CsvTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "=1+1                    | '=1+1",
                "@SUM(A1)                | '@SUM(A1)",
                "`  =cmd`                | `'  =cmd`",
                "\uFF1Dcmd               | '\uFF1Dcmd",
                "`x;=cmd|' /C calc'!A0`  | `\"x;=cmd|' /C calc'!A0\"`",
                "-12.50                  | -12.50",
                "-x                      | '-x",
                "Airport                 | Airport",
                "`a,b`                   | `\"a,b\"`"
            })
    void formulasAreKeptAsTextAndSeparatorsQuoted(String cell, String written) {
        assertThat(Csv.field(cell)).isEqualTo(written);
    }
}
