package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    static String csv(java.util.function.Consumer<CsvWriter> rows) {
        StringWriter out = new StringWriter();
        rows.accept(new CsvWriter(out));
        return out.toString();
    }

    @Test
    void fieldsAreSeparatedByCommasAndRecordsEndWithCrlf() {
        assertEquals(
                "start,frames,mean_count\r\n2026-05-01T18:00:00Z,3,2.5\r\n",
                csv(
                        c ->
                                c.text("start")
                                        .text("frames")
                                        .text("mean_count")
                                        .endRow()
                                        .text("2026-05-01T18:00:00Z")
                                        .number(3)
                                        .number(2.5)
                                        .endRow()));
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals(
                "\"Tor, Nord\",\"Der \"\"Haupteingang\"\"\",\"zwei\r\nZeilen\",\"a\nb\",plain\r\n",
                csv(
                        c ->
                                c.text("Tor, Nord")
                                        .text("Der \"Haupteingang\"")
                                        .text("zwei\r\nZeilen")
                                        .text("a\nb")
                                        .text("plain")
                                        .endRow()));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote() {
        assertEquals(
                "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tTab,\"'\rCR\",Tor=Nord,Überweg\r\n",
                csv(
                        c ->
                                c.text("=HYPERLINK(\"x\")")
                                        .text("+1")
                                        .text("-2")
                                        .text("@SUM(A1)")
                                        .text("\tTab")
                                        .text("\rCR")
                                        .text("Tor=Nord")
                                        .text("Überweg")
                                        .endRow()));
    }

    @Test
    void aGuardedFieldIsStillQuotedWhenItNeedsIt() {
        assertEquals("\"'=1,2\"\r\n", csv(c -> c.text("=1,2").endRow()));
    }

    @Test
    void numbersAreWrittenWithAPointAndNegativeNumbersStayNumbers() {
        assertEquals(
                "-3,0,12.346,0.1,1000000,,\r\n",
                csv(
                        c ->
                                c.number(-3)
                                        .number(0.0)
                                        .number(12.3456)
                                        .number(0.1)
                                        .number(1_000_000.0)
                                        .text("")
                                        .text(null)
                                        .endRow()));
    }
}
