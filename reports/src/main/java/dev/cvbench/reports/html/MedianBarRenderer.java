package dev.cvbench.reports.html;

import dev.cvbench.core.result.Summary;
import dev.cvbench.reports.view.ReportModel.Row;
import dev.cvbench.reports.view.SandboxStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.function.BiFunction;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * A vertical bar per series at its median, in its sandbox's color, with the 95% confidence interval
 * of the mean as a whisker (drawn where the interval is, which need not straddle the median) and every
 * raw sample as a dot spread across the bar (up to {@link #MAX_DOTS} samples).
 */
final class MedianBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final Color INK = new Color(0x1F, 0x29, 0x37);
    private static final Color DOT = new Color(0x11, 0x18, 0x27, 120);
    /** Above this many samples the dots become a smear (and bloat the SVG): percentiles tell more. */
    static final int MAX_DOTS = 60;

    private final transient BiFunction<Integer, Integer, Row> rows;
    private final double floor;

    /**
     * @param rows the row behind dataset item (row, column), null for an empty cell
     * @param floor the lowest value the axis can show (the base of a log axis), or -infinity
     */
    MedianBarRenderer(BiFunction<Integer, Integer, Row> rows, double floor) {
        this.rows = rows;
        this.floor = floor;
        if (Double.isFinite(floor)) {
            setBase(floor);
        }
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setItemMargin(0.08);
        setMaximumBarWidth(0.18);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        Row r = rows.apply(row, column);
        return r == null ? super.getItemPaint(row, column) : SandboxStyle.of(r.sandbox()).color();
    }

    @Override
    public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
        Range range = super.findRangeBounds(dataset, includeInterval);
        if (range == null) {
            return null;
        }
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Row r = rows.apply(row, column);
                if (r != null) {
                    Summary s = r.series().summary();
                    range = Range.expandToInclude(range, s.max());
                    if (s.ciHigh() != null) {
                        range = Range.expandToInclude(range, s.ciHigh());
                        range = Range.expandToInclude(range, Math.max(floor, s.ciLow()));
                    }
                }
            }
        }
        return range;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        Row r = rows.apply(row, column);
        if (r == null) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
        double width = state.getBarWidth();
        double center = x0 + width / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        Summary s = r.series().summary();
        double[] values = r.series().samples().size() <= MAX_DOTS ? r.series().values() : new double[0];
        double spread = values.length > 1 ? width * 0.6 : 0;
        g2.setPaint(DOT);
        for (int i = 0; i < values.length; i++) {
            double x = center - spread / 2 + (values.length > 1 ? spread * i / (values.length - 1) : 0);
            double y = rangeAxis.valueToJava2D(values[i], dataArea, edge);
            g2.fill(new Ellipse2D.Double(x - 2.2, y - 2.2, 4.4, 4.4));
        }
        if (s.ciLow() != null && s.ciHigh() != null) {
            double yLow = rangeAxis.valueToJava2D(Math.max(floor, s.ciLow()), dataArea, edge);
            double yHigh = rangeAxis.valueToJava2D(s.ciHigh(), dataArea, edge);
            double cap = Math.max(4, width * 0.18);
            g2.setPaint(INK);
            g2.setStroke(new BasicStroke(1.4f));
            g2.draw(new Line2D.Double(center, yLow, center, yHigh));
            g2.draw(new Line2D.Double(center - cap, yLow, center + cap, yLow));
            g2.draw(new Line2D.Double(center - cap, yHigh, center + cap, yHigh));
        }
    }
}
