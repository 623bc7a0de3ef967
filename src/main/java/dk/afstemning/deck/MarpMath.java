package dk.afstemning.deck;

import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Marp's block math, {@code $$ … $$}, as marp-core's math plugin reads it (the app's Marp bundle has KaTeX): a line
 * starting with {@code $$} opens a block, even inside a paragraph, that runs to the first line ending with {@code $$}
 * (the same line when it does) or, never closed, to the end of its container. A {@code ---} inside is TeX, not a new
 * slide, and text above it is no setext heading. The server's slide HTML shows the TeX as a paragraph; the browser's
 * Marp typesets it.
 */
final class MarpMath implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MarpMath() {
    }

    static Extension create() {
        return new MarpMath();
    }

    /** A {@code $$} block: its lines as written, the dollar signs included. */
    static final class MathBlock extends CustomBlock {
        private String literal = "";

        String literal() {
            return literal;
        }
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(context -> new Renderer(context));
    }

    private static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            CharSequence line = state.getLine().getContent();
            int start = state.getNextNonSpaceIndex();
            if (state.getIndent() >= 4 || !line.subSequence(start, line.length()).toString().startsWith("$$")) {
                return BlockStart.none();
            }
            String rest = line.subSequence(start + 2, line.length()).toString().strip();
            return BlockStart.of(new BlockParser(rest.endsWith("$$"))).atIndex(start);
        }
    }

    private static final class BlockParser extends AbstractBlockParser {
        private final MathBlock block = new MathBlock();
        private final StringBuilder lines = new StringBuilder();
        private boolean closed;
        private boolean first = true;

        BlockParser(boolean closedOnFirstLine) {
            this.closed = closedOnFirstLine;
        }

        @Override
        public MathBlock getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return closed ? BlockContinue.none() : BlockContinue.atIndex(state.getIndex());
        }

        @Override
        public void addLine(SourceLine line) {
            String text = line.getContent().toString();
            lines.append(text).append('\n');
            if (!first && text.strip().endsWith("$$")) {
                closed = true;
            }
            first = false;
        }

        @Override
        public void closeBlock() {
            block.literal = lines.toString().strip();
        }
    }

    private static final class Renderer implements NodeRenderer {
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MathBlock.class);
        }

        @Override
        public void render(Node node) {
            html.line();
            html.tag("p");
            html.text(((MathBlock) node).literal());
            html.tag("/p");
            html.line();
        }
    }
}
