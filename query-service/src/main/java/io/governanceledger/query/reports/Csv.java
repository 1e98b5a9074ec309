package io.governanceledger.query.reports;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV cells and rows, CRLF line ends; a cell a spreadsheet would run as a formula is kept as text. */
public final class Csv {

    private Csv() {
    }

    public static String row(Object... values) {
        return Stream.of(values).map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String field(Object value) {
        String text = Objects.toString(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
