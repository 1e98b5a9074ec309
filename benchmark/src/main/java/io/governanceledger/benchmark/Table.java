package io.governanceledger.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as a table on the console and as JSON in a file. */
final class Table {

    private Table() {}

    static void print(List<Result> results, PrintStream out) {
        String[] header = {"scenario", "metric", "ours", "baseline", "baseline figure", "ratio", "target", "met"};
        String[][] rows = new String[results.size()][];
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            rows[i] = new String[] {
                result.scenario(),
                result.metric() + " (" + result.unit() + ")",
                number(result.ours()),
                result.baselineName() == null ? "" : result.baselineName(),
                number(result.baseline()),
                Double.isNaN(result.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", result.ratio()),
                result.targetText(),
                result.met() == null ? "" : result.met() ? "yes" : "NO"
            };
        }
        int[] widths = new int[header.length];
        for (int column = 0; column < header.length; column++) {
            widths[column] = header[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        line(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("-+-");
        }
        out.println(rule.substring(0, rule.length() - 3));
        for (String[] row : rows) {
            line(out, row, widths);
        }
        for (Result result : results) {
            if (result.note() != null) {
                out.println("  " + result.scenario() + " / " + result.metric() + ": " + result.note());
            }
        }
    }

    static void writeJson(List<Result> results, Map<String, Object> run, Path file) throws IOException {
        ObjectNode root = Api.JSON.createObjectNode();
        root.set("run", Api.JSON.valueToTree(run));
        ArrayNode array = root.putArray("results");
        for (Result result : results) {
            ObjectNode node = array.addObject();
            node.put("scenario", result.scenario());
            node.put("metric", result.metric());
            node.put("unit", result.unit());
            put(node, "ours", result.ours());
            node.put("baselineName", result.baselineName());
            put(node, "baseline", result.baseline());
            put(node, "ratio", result.ratio());
            node.put("target", result.targetText());
            if (result.met() != null) {
                node.put("met", result.met());
            }
            node.put("note", result.note());
        }
        Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static void put(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void line(PrintStream out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            boolean numeric = i == 2 || i == 4 || i == 5;
            line.append(
                    numeric
                            ? " ".repeat(widths[i] - cell.length()) + cell
                            : cell + " ".repeat(widths[i] - cell.length()));
            line.append(i == cells.length - 1 ? "" : " | ");
        }
        out.println(line.toString().stripTrailing());
    }
}
