/**
 * The self-contained HTML report ({@link dev.cvbench.reports.html.HtmlReport}). The only package that draws
 * charts: JFreeChart renders onto JFreeSVG's {@code SVGGraphics2D}, and the SVG goes inline into the page.
 */
package dev.cvbench.reports.html;
