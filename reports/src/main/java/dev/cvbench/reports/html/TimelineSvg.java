package dev.cvbench.reports.html;

import dev.cvbench.reports.ChartRenderException;
import dev.cvbench.reports.view.Numbers;
import dev.cvbench.reports.view.PhaseTimeline;
import dev.cvbench.reports.view.PhaseTimeline.Lane;
import dev.cvbench.reports.view.PhaseTimeline.Segment;
import dev.cvbench.reports.view.SandboxStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The boot-phase timeline as one inline SVG: a strip per sandbox, each a horizontal stacked bar of
 * the segments of its {@link Lane}, each strip <em>scaled to its own total</em> (printed in its title).
 *
 * <p>Why not one shared axis: an emulated VM takes about a hundred times as long as the host, so on a
 * shared linear axis the host is a sliver, and on a log axis the long late phases (the guest kernel,
 * the agent) are squeezed into the last decade. Own scales show where each sandbox spends its time;
 * the printed totals compare sandboxes. A phase has the same color in every strip; a segment wide
 * enough carries its phase name.
 */
final class TimelineSvg {
    static final int WIDTH = 960;
    static final int LANE_HEIGHT = 78;
    /** Qualitative, light enough for dark labels (ColorBrewer Set3); {@value PhaseTimeline#EXITED} is gray. */
    private static final Color[] PALETTE = {
        new Color(0x8D, 0xD3, 0xC7), new Color(0xBE, 0xBA, 0xDA), new Color(0xFB, 0x80, 0x72),
        new Color(0x80, 0xB1, 0xD3), new Color(0xFD, 0xB4, 0x62), new Color(0xB3, 0xDE, 0x69),
        new Color(0xFC, 0xCD, 0xE5), new Color(0xBC, 0x80, 0xBD), new Color(0xCC, 0xEB, 0xC5),
        new Color(0xFF, 0xED, 0x6F)};
    private static final Color EXITED = new Color(0xD9, 0xD9, 0xD9);

    private TimelineSvg() {}

    /** The color of a phase: by its place in {@link PhaseTimeline#phases()}, gray for the exit. */
    static Color color(PhaseTimeline timeline, String phase) {
        if (phase.equals(PhaseTimeline.EXITED)) {
            return EXITED;
        }
        return PALETTE[Math.max(0, timeline.phases().indexOf(phase)) % PALETTE.length];
    }

    /** The timeline as an {@code <svg>} element with the given id. */
    static String render(PhaseTimeline timeline, String workload, String id) throws ChartRenderException {
        int height = LANE_HEIGHT * timeline.lanes().size();
        try {
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
            g2.setDefsKeyPrefix(id + "-");
            g2.setFontFunction(family -> ChartSvg.FONTS);
            g2.setGeomDoubleConverter(ChartSvg::coordinate);
            g2.setTransformDoubleConverter(ChartSvg::coordinate);
            List<Lane> lanes = timeline.lanes();
            for (int i = 0; i < lanes.size(); i++) {
                lane(timeline, lanes.get(i), id + "-" + i + "-").draw(g2, new Rectangle(0, i * LANE_HEIGHT, WIDTH, LANE_HEIGHT));
            }
            return g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), PreserveAspectRatio.XMID_YMID,
                    MeetOrSlice.MEET);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new ChartRenderException(workload + "/phase timeline", e);
        }
    }

    /** One sandbox's strip: a single horizontal stacked bar, one series per segment. */
    private static JFreeChart lane(PhaseTimeline timeline, Lane lane, String idPrefix) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String category = lane.sandbox();
        for (Segment s : lane.segments()) {
            dataset.addValue(s.length(), s.phase(), category);
        }
        SegmentRenderer renderer = new SegmentRenderer(lane.segments(), idPrefix);
        for (int i = 0; i < lane.segments().size(); i++) {
            renderer.setSeriesPaint(i, color(timeline, lane.segments().get(i).phase()));
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setVisible(false);
        categories.setLowerMargin(0.08);
        categories.setUpperMargin(0.08);
        NumberAxis ms = new NumberAxis();
        ms.setNumberFormatOverride(ChartSvg.ticks());
        ms.setRange(0, lane.total());
        ms.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        ms.setTickLabelPaint(ChartSvg.AXIS);
        ms.setAxisLineVisible(false);
        ms.setTickMarksVisible(false);
        CategoryPlot plot = new CategoryPlot(dataset, categories, ms, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartSvg.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setInsets(new RectangleInsets(0, 4, 0, 12));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(2, 4, 2, 4));
        TextTitle title = new TextTitle(title(lane), new Font(Font.SANS_SERIF, Font.BOLD, 12));
        title.setPaint(lane.emulated() ? ChartSvg.EMULATED : SandboxStyle.of(lane.sandbox()).color());
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(new RectangleInsets(2, 8, 0, 0));
        chart.setTitle(title);
        return chart;
    }

    /** "vm · TCG · exited at 7841 ms · axis to 9111 ms", the scale of the strip being its own. */
    static String title(Lane lane) {
        String head = lane.sandbox() + (lane.emulated() ? " · TCG" : "");
        Double exit = lane.segments().stream().filter(s -> s.phase().equals(PhaseTimeline.EXITED))
                .map(Segment::end).findFirst().orElse(null);
        if (exit == null) {
            return head + " · axis to " + Numbers.format(lane.total()) + " ms";
        }
        return head + " · exited at " + Numbers.format(exit) + " ms"
                + (lane.total() > exit ? " · axis to " + Numbers.format(lane.total()) + " ms" : "");
    }
}
