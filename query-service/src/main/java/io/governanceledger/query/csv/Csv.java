package io.governanceledger.query.csv;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * RFC 4180 CSV cells and rows, CRLF line ends; a cell a spreadsheet would run as a formula is kept as
 * text. Spreadsheets read a cell as a formula when its first character that is not a space is one of
 * {@code = + - @} (or their full-width forms, which some normalise) or a tab or line break; such a cell
 * gets a leading apostrophe. A cell holding a semicolon or tab is quoted too: a spreadsheet set to split
 * on them (Excel in Belgium splits on ";") would otherwise start a new cell there, and that one could be a
 * formula.
 */
public final class Csv {

    private Csv() {}

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private static boolean startsAsFormula(String text) {
        int index = 0;
        while (index < text.length()
                && text.charAt(index) != '\t'
                && (Character.isWhitespace(text.charAt(index)) || Character.isSpaceChar(text.charAt(index)))) {
            index++;
        }
        return index < text.length() && FORMULA_STARTS.indexOf(text.charAt(index)) >= 0;
    }

    public static String row(Object... values) {
        return Stream.of(values).map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String field(Object value) {
        String text = Objects.toString(value, "");
        if (startsAsFormula(text) && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || text.contains(";")
                || text.contains("\t")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
