package dev.cvbench.reports.html;

import dev.cvbench.reports.view.Numbers;
import dev.cvbench.reports.view.PhaseTimeline.Segment;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.svg.SVGHints;

/**
 * The segments of one timeline strip, each with its phase name written inside when it fits, a hover
 * title with its start, end and length (an SVG {@code <title>}), and a white hairline between segments
 * so neighbours of similar color stay apart.
 */
final class SegmentRenderer extends StackedBarRenderer {
    private static final long serialVersionUID = 1L;
    private static final Color INK = new Color(0x1F, 0x29, 0x37);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final transient List<Segment> segments;
    private final String idPrefix;

    /** @param idPrefix unique in the page: a segment's group is {@code idPrefix + index} */
    SegmentRenderer(List<Segment> segments, String idPrefix) {
        this.segments = segments;
        this.idPrefix = idPrefix;
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(true);
        setDefaultOutlinePaint(Color.WHITE);
        setMaximumBarWidth(0.9);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        boolean titled = pass == 1 && row < segments.size();
        if (titled) { // the bar in a group whose <title> is the hover text
            Segment s = segments.get(row);
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, idPrefix + row);
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, s.phase() + ": " + Numbers.format(s.start()) + " to "
                    + Numbers.format(s.end()) + " ms (" + Numbers.format(s.length()) + " ms)");
        }
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        if (titled) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
        }
        if (pass != 2 || row >= segments.size()) { // the stacked renderer draws bars in pass 0..2; label once
            return;
        }
        Segment s = segments.get(row);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double x0 = rangeAxis.valueToJava2D(s.start(), dataArea, edge);
        double x1 = rangeAxis.valueToJava2D(s.end(), dataArea, edge);
        double y = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
        g2.setFont(LABEL);
        FontMetrics metrics = g2.getFontMetrics();
        String text = s.phase().replace('_', ' ');
        if (metrics.stringWidth(text) + 6 <= x1 - x0) {
            g2.setPaint(INK);
            g2.drawString(text, (float) (x0 + 3), (float) (y + metrics.getAscent() / 2.0 - 1));
        }
    }
}
