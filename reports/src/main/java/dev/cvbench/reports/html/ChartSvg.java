package dev.cvbench.reports.html;

import dev.cvbench.core.result.Direction;
import dev.cvbench.reports.ChartRenderException;
import dev.cvbench.reports.view.ReportModel.MetricGroup;
import dev.cvbench.reports.view.ReportModel.Row;
import dev.cvbench.reports.view.SandboxStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One metric's chart as an inline SVG element: JFreeChart draws onto JFreeSVG's {@link SVGGraphics2D}.
 *
 * <p>With one variant the categories are the sandboxes; with several (STREAM's kernels) the categories
 * are the variants and the sandboxes are grouped bars with a legend. Text stays text in the SVG, in the
 * page's font stack. Every chart gets its own id prefix so clip paths of several charts in one page do
 * not collide.
 */
final class ChartSvg {
    static final int WIDTH = 600;
    static final int HEIGHT = 300;
    static final String FONTS = "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif";
    static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    static final Color AXIS = new Color(0x4B, 0x55, 0x63);
    static final Color EMULATED = new Color(0xB4, 0x23, 0x18);

    /** Above this spread of medians (the slowest over the fastest) the value axis turns logarithmic. */
    static final double LOG_SPREAD = 30;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Tick labels independent of the JVM's locale: JFreeChart's default would write 6.500 in Germany. */
    static NumberFormat ticks() {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private ChartSvg() {}

    /** The chart of one metric group as an {@code <svg>} element with the given id. */
    static String render(MetricGroup group, String id) throws ChartRenderException {
        try {
            JFreeChart chart = chart(group);
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
            g2.setDefsKeyPrefix(id + "-");
            g2.setFontFunction(family -> FONTS);
            g2.setGeomDoubleConverter(ChartSvg::coordinate);
            g2.setTransformDoubleConverter(ChartSvg::coordinate);
            chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
            return g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), PreserveAspectRatio.XMID_YMID,
                    MeetOrSlice.MEET);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) { // "No fonts found" is an Error from the JDK's font configuration
            throw new ChartRenderException(group.workload() + "/" + group.metric().name(), e);
        }
    }

    /**
     * SVG coordinates with two decimals (a hundredth of a pixel) and a decimal point in every locale:
     * a third of the size of full double precision, and never {@code 12,5}.
     */
    static String coordinate(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static JFreeChart chart(MetricGroup group) {
        boolean grouped = group.variants().size() > 1;
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Row[][] cells = grouped ? new Row[group.sandboxes().size()][group.variants().size()]
                : new Row[1][group.sandboxes().size()];
        for (Row r : summarised(group)) {
            int sandbox = group.sandboxes().indexOf(r.sandbox());
            int variant = group.variants().indexOf(r.variant());
            if (grouped) {
                dataset.addValue(r.series().summary().median(), label(r), r.variant());
                cells[sandbox][variant] = r;
            } else {
                dataset.addValue(r.series().summary().median(), "median", label(r));
                cells[0][sandbox] = r;
            }
        }
        double floor = logFloor(group);
        MedianBarRenderer renderer = new MedianBarRenderer((row, column) -> lookup(dataset, cells, group, grouped,
                row, column), floor);
        for (int i = 0; i < dataset.getRowCount() && grouped; i++) {
            renderer.setSeriesPaint(i, SandboxStyle.of(sandboxOf(dataset.getRowKey(i).toString())).color());
        }
        CategoryPlot plot = new CategoryPlot(dataset, categoryAxis(group, grouped), valueAxis(group, floor), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setInsets(new RectangleInsets(8, 4, 4, 12));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, grouped);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            legend.setItemPaint(AXIS);
        }
        return chart;
    }

    /** The rows that can be drawn: those with a summary (a series without samples has none). */
    static List<Row> summarised(MetricGroup group) {
        return group.rows().stream().filter(r -> r.series().summary() != null).toList();
    }

    /** Sandboxes (or variants, when grouped) along the bottom; emulated sandboxes in red. */
    private static CategoryAxis categoryAxis(MetricGroup group, boolean grouped) {
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        categories.setTickLabelPaint(AXIS);
        categories.setAxisLinePaint(GRID);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(grouped ? 0.25 : 0.35);
        categories.setMaximumCategoryLabelLines(2);
        if (!grouped) {
            group.rows().stream().filter(Row::emulated).forEach(r -> categories.setTickLabelPaint(label(r), EMULATED));
        }
        return categories;
    }

    /** The unit and direction up the side; logarithmic when {@code floor} is finite. */
    private static ValueAxis valueAxis(MetricGroup group, double floor) {
        String label = group.metric().unit() + (group.metric().direction() == Direction.HIGHER_IS_BETTER
                ? ", higher is better" : ", lower is better");
        ValueAxis values;
        if (Double.isFinite(floor)) {
            LogAxis log = new LogAxis(label + " (log scale)");
            log.setBase(10);
            log.setSmallestValue(floor);
            log.setNumberFormatOverride(ticks());
            log.setMinorTickMarksVisible(false);
            log.setAutoTickUnitSelection(false);
            log.setTickUnit(new NumberTickUnit(1), false, false); // one tick per power of ten
            values = log;
        } else {
            NumberAxis linear = new NumberAxis(label);
            linear.setNumberFormatOverride(ticks());
            values = linear;
        }
        values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        values.setLabelPaint(AXIS);
        values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        values.setTickLabelPaint(AXIS);
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);
        values.setUpperMargin(0.08);
        values.setLowerMargin(0);
        return values;
    }

    /**
     * The base of a log axis (a power of ten at or below every sample) when the medians span more than
     * {@link #LOG_SPREAD} times and every sample is positive, so a 48 ms host and a 5.4 s emulated VM are
     * both readable; -infinity for a linear axis.
     */
    static double logFloor(MetricGroup group) {
        double lowest = Double.POSITIVE_INFINITY;
        double lowMedian = Double.POSITIVE_INFINITY;
        double highMedian = 0;
        for (Row r : summarised(group)) {
            lowest = Math.min(lowest, r.series().summary().min());
            lowMedian = Math.min(lowMedian, r.series().summary().median());
            highMedian = Math.max(highMedian, r.series().summary().median());
        }
        if (lowest <= 0 || highMedian / lowMedian <= LOG_SPREAD) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.pow(10, Math.floor(Math.log10(lowest) - 0.5)); // half a decade of room below the lowest
    }

    private static Row lookup(DefaultCategoryDataset dataset, Row[][] cells, MetricGroup group, boolean grouped,
            int row, int column) {
        if (grouped) {
            int sandbox = group.sandboxes().indexOf(sandboxOf(dataset.getRowKey(row).toString()));
            int variant = group.variants().indexOf(dataset.getColumnKey(column).toString());
            return sandbox < 0 || variant < 0 ? null : cells[sandbox][variant];
        }
        int sandbox = group.sandboxes().indexOf(sandboxOf(dataset.getColumnKey(column).toString()));
        return sandbox < 0 ? null : cells[0][sandbox];
    }

    /** The axis or legend label of a row: the sandbox kind, marked when emulated. */
    static String label(Row r) {
        return r.emulated() ? r.sandbox() + " · TCG" : r.sandbox();
    }

    private static String sandboxOf(String label) {
        int mark = label.indexOf(" · ");
        return mark < 0 ? label : label.substring(0, mark);
    }
}
