package shop.winback.platform.csv;

/** What every CSV export of the services writes into a cell: the shop's text, safely. */
public final class Csv {

    private Csv() {}

    /**
     * RFC 4180 quoting, and no formula injection when the file is opened in a spreadsheet: a cell starting with
     * {@code = + - @}, a tab or a carriage return (a SKU, a name, a note: the shop's or the buyer's text) is
     * prefixed with {@code '}.
     */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
