package dk.afstemning.deck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown deck as the browser's Marp draws it (README "Marp fidelity"): the deck's own text, so Marp sees its
 * front matter, directives and slide breaks as written, with two changes. Each {@code poll} block becomes an empty
 * island {@code <div data-poll="id"></div>} that the screen fills with the live poll, and each speaker note's text is
 * taken out of its comment (the comment stays, empty, so Marp's blocks and slide breaks do not move): the page that
 * draws the deck may be public. Comments that are Marp directives stay whole. Line count and line numbers are kept.
 */
public final class MarpSource {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--(.*?)-->");

    private MarpSource() {
    }

    /**
     * @param markdown the deck as stored
     * @param pollIds the deck's poll ids in deck order (one per {@code poll} block)
     * @return the text for Marp
     */
    public static String of(String markdown, List<String> pollIds) {
        String text = (markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown)
                .replace("\r\n", "\n").replace('\r', '\n');
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        record Edit(int from, int to, String with) {
        }
        List<Edit> edits = new ArrayList<>();
        int[] polls = {0};
        PARSER.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if ("poll".equals(block.getInfo() == null ? null : block.getInfo().strip())) {
                    // Every poll block goes, even one the server did not count: its YAML may hold a quiz's answer.
                    String id = polls[0] < pollIds.size() ? pollIds.get(polls[0]) : "";
                    polls[0]++;
                    int from = start(block.getSourceSpans().get(0));
                    SourceSpan last = block.getSourceSpans().get(block.getSourceSpans().size() - 1);
                    int to = start(last) + last.getLength();
                    String island = "<div data-poll=\"" + attribute(id) + "\"></div>";
                    edits.add(new Edit(from, to, island + newlines(text.substring(from, to))));
                }
            }

            @Override
            public void visit(HtmlBlock block) {
                notes(block);
            }

            @Override
            public void visit(HtmlInline html) {
                notes(html);
            }

            private void notes(Node node) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.isEmpty()) {
                    return;
                }
                int from = start(spans.get(0));
                SourceSpan last = spans.get(spans.size() - 1);
                Matcher m = COMMENT.matcher(text).region(from, start(last) + last.getLength());
                while (m.find()) {
                    String note = m.group(1).strip();
                    // A note as Marp judges it (MarpComments, as DeckParser does); <!--fit--> always stays.
                    if (!note.isEmpty() && !note.equals("fit") && MarpComments.isNote(note, false)) {
                        edits.add(new Edit(m.start(1), m.end(1), newlines(m.group(1))));
                    }
                }
            }

            private int start(SourceSpan span) {
                return lineStarts.get(span.getLineIndex()) + span.getColumnIndex();
            }
        });
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::from).reversed())
                .forEach(e -> out.replace(e.from(), e.to(), e.with()));
        return out.toString();
    }

    private static String newlines(String s) {
        return "\n".repeat((int) s.chars().filter(c -> c == '\n').count());
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
