package dk.afstemning.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV writer on F8's hostile cells, including the ones a deck cannot hold (leading tab or CR). */
class CsvWriterTest {

    /** F8: every hostile text, with the cell expected after parsing the CSV back. */
    static final List<List<String>> F8 = List.of(
            List.of("Forskning, \"praksis\"\n=SUM(A1)", "Forskning, \"praksis\"\n=SUM(A1)"),
            List.of("=HYPERLINK(\"http://example.invalid\",\"klik\")", "'=HYPERLINK(\"http://example.invalid\",\"klik\")"),
            List.of("+45 12 34 56 78", "'+45 12 34 56 78"),
            List.of("-5", "'-5"),
            List.of("@bruger", "'@bruger"),
            List.of("\t=1+1", "'\t=1+1"),
            List.of("\r=1+1", "'\r=1+1"),
            List.of("\"citat\"", "\"citat\""),
            List.of("første\r\nanden", "første\r\nanden"),
            List.of("Talk; med semikolon", "Talk; med semikolon"),
            List.of("", ""));

    @Test
    void f8HostileCellsAreQuotedNeutralisedAndParseBack() throws Exception {
        List<Table.Column> columns = List.of(new Table.Column("text", "text", "a text"),
                new Table.Column("count", "integer", "a number"), new Table.Column("share", "number", "a share"));
        List<List<Object>> rows = F8.stream().map(c -> Arrays.<Object>asList(c.get(0), -5L, new BigDecimal("2.95359E-7")))
                .toList();
        byte[] bytes = CsvWriter.write(new Table("T", columns, rows));
        String raw = new String(bytes, StandardCharsets.UTF_8);

        assertThat(raw).startsWith("\uFEFF\"text\",\"count\",\"share\"\r\n");
        assertThat(raw).contains("\"Forskning, \"\"praksis\"\"\n=SUM(A1)\",-5,0.000000295359\r\n");
        assertThat(raw).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\",-5,");
        assertThat(raw).contains("\"'\t=1+1\",-5,");
        assertThat(raw).contains("\"Talk; med semikolon\",-5,");

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(raw.substring(1))).getRecords();
        assertThat(records).hasSize(1 + F8.size());
        for (int i = 0; i < F8.size(); i++) {
            CSVRecord r = records.get(i + 1);
            assertThat(r.size()).isEqualTo(3);
            assertThat(r.get(0)).isEqualTo(F8.get(i).get(1));
            String parsed = r.get(0);
            assertThat(parsed.startsWith(CellText.PREFIX) && !F8.get(i).get(0).startsWith("'") ? parsed.substring(1)
                    : parsed).isEqualTo(F8.get(i).get(0));
            assertThat(r.get(1)).isEqualTo("-5"); // numbers are never neutralised
            assertThat(r.get(2)).isEqualTo("0.000000295359");
        }
    }

    @Test
    void neutraliseTouchesOnlyTheSixLeadingCharacters() {
        assertThat(CellText.neutralise("=1")).isEqualTo("'=1");
        assertThat(CellText.neutralise("+1")).isEqualTo("'+1");
        assertThat(CellText.neutralise("-1")).isEqualTo("'-1");
        assertThat(CellText.neutralise("@a")).isEqualTo("'@a");
        assertThat(CellText.neutralise("\ta")).isEqualTo("'\ta");
        assertThat(CellText.neutralise("\ra")).isEqualTo("'\ra");
        assertThat(CellText.neutralise("a=1")).isEqualTo("a=1");
        assertThat(CellText.neutralise(" =1")).isEqualTo(" =1");
        assertThat(CellText.neutralise("")).isEqualTo("");
        assertThat(CellText.neutralise(null)).isNull();
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        var columns = List.of(new Table.Column("a", "text", "a"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Table("T", columns, List.of(List.of("x", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("T: a row has 2 cells for 1 columns");
    }
}
