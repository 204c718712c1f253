// The executive summary's charts drawn with pdfkit's vector primitives (lines, paths, circles, text): the same
// geometry as the page's charts (core/success-plans/summary-charts), so the PDF and the page agree.
import type PDFDocument from 'pdfkit';
import { dateScale, dateTickLabel, linearScale, valueTickLabel } from '../../../core/charts/scales.ts';
import { readableDate } from '../../../core/calendar.ts';
import type { MetricChart, TimelineChart } from '../../../core/success-plans/summary-charts.ts';

type Doc = InstanceType<typeof PDFDocument>;

export const CHART_INK = '#1f2933';
const MUTED = '#616e7c';
const GRID = '#e4e7eb';
const LATE = '#b91c1c';
const EARLY = '#047857';
const TODAY = '#d97706';

const LABEL_WIDTH = 92;
const ROW = 20;
const AXIS = 18;
const LEGEND = 16;

/** The height the timeline takes, to keep it whole on one page. */
export const timelineHeight = (chart: TimelineChart) => 14 + chart.rows.length * ROW + AXIS + LEGEND;

/** Milestones as rows along the project's dates: planned ◇, projected ○, reached ●, the slip between, today marked. */
export function drawTimeline(doc: Doc, chart: TimelineChart, box: { x: number; y: number; width: number }, brand: string) {
  const left = box.x + LABEL_WIDTH;
  const right = box.x + box.width - 8;
  const top = box.y + 14;
  const bottom = top + chart.rows.length * ROW;
  const x = dateScale(chart.start, chart.end, [left, right]);

  doc.save();
  // Date grid and labels.
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  for (const tick of chart.ticks) {
    doc.moveTo(x(tick), top - 4).lineTo(x(tick), bottom).lineWidth(0.5).strokeColor(GRID).stroke();
    doc.text(dateTickLabel(tick, chart.ticks), x(tick) - 30, bottom + 4, { width: 60, align: 'center', lineBreak: false });
  }
  // Today.
  if (chart.today >= chart.start && chart.today <= chart.end) {
    const t = x(chart.today);
    doc.moveTo(t, top - 6).lineTo(t, bottom).lineWidth(1).dash(2, { space: 2 }).strokeColor(TODAY).stroke().undash();
    doc.fillColor(TODAY).fontSize(7).text('Today', t - 20, box.y, { width: 40, align: 'center', lineBreak: false });
  }
  chart.rows.forEach((row, i) => {
    const cy = top + i * ROW + ROW / 2;
    if (i > 0) doc.moveTo(box.x, top + i * ROW).lineTo(right, top + i * ROW).lineWidth(0.3).strokeColor(GRID).stroke();
    doc.font('Helvetica').fontSize(8.5).fillColor(CHART_INK).text(row.label, box.x, cy - 4.5, { width: LABEL_WIDTH - 6, lineBreak: false, ellipsis: true });
    if (row.slip) {
      doc.moveTo(x(row.slip.from), cy).lineTo(x(row.slip.to), cy).lineWidth(2.5).strokeColor(row.slip.late ? LATE : EARLY).stroke();
    }
    if (row.planned) diamond(doc, x(row.planned), cy, 4.5).lineWidth(1.2).fillAndStroke('#ffffff', MUTED);
    if (row.projected) doc.circle(x(row.projected), cy, 4).lineWidth(1.5).fillAndStroke('#ffffff', brand);
    if (row.actual) doc.circle(x(row.actual), cy, 4.2).fill(brand);
  });
  doc.moveTo(left, bottom).lineTo(right, bottom).lineWidth(0.8).strokeColor(MUTED).stroke();

  // Legend.
  const ly = bottom + AXIS + 5;
  let lx = box.x;
  const legend = (draw: (cx: number) => void, label: string) => {
    draw(lx + 5);
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(label, lx + 13, ly - 4, { lineBreak: false });
    lx += 13 + doc.widthOfString(label) + 14;
  };
  legend((cx) => diamond(doc, cx, ly, 4).lineWidth(1.2).fillAndStroke('#ffffff', MUTED), 'Planned');
  legend((cx) => doc.circle(cx, ly, 3.6).lineWidth(1.5).fillAndStroke('#ffffff', brand), 'Projected');
  legend((cx) => doc.circle(cx, ly, 3.8).fill(brand), 'Reached');
  legend((cx) => doc.moveTo(cx - 5, ly).lineTo(cx + 5, ly).lineWidth(2.5).strokeColor(LATE).stroke(), 'Late against the plan');
  legend((cx) => doc.moveTo(cx - 5, ly).lineTo(cx + 5, ly).lineWidth(2.5).strokeColor(EARLY).stroke(), 'Early');
  legend((cx) => doc.moveTo(cx, ly - 5).lineTo(cx, ly + 5).lineWidth(1).dash(2, { space: 2 }).strokeColor(TODAY).stroke().undash(), 'Today');
  doc.restore();
  doc.x = box.x;
  doc.y = box.y + timelineHeight(chart);
}

/** The height a metric chart takes, its footnote and the space under it included, to keep it whole on one page. */
export const METRIC_CHART_HEIGHT = 118;

/** A metric's actuals over time between its baseline and target lines, the target date and today marked. */
export function drawMetricChart(doc: Doc, chart: MetricChart, box: { x: number; y: number; width: number }, brand: string, unit: string) {
  const left = box.x + 36;
  const right = box.x + box.width - 60;
  const top = box.y + 6;
  const bottom = box.y + METRIC_CHART_HEIGHT - 18;
  const x = dateScale(chart.start, chart.end, [left, right]);
  const y = linearScale(chart.valueDomain, [bottom, top]);

  doc.save();
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  for (const tick of chart.valueTicks) {
    doc.moveTo(left, y(tick)).lineTo(right, y(tick)).lineWidth(0.4).strokeColor(GRID).stroke();
    doc.fillColor(MUTED).text(valueTickLabel(tick), box.x, y(tick) - 3.5, { width: 32, align: 'right', lineBreak: false });
  }
  for (const tick of chart.dateTicks) {
    doc.fillColor(MUTED).text(dateTickLabel(tick, chart.dateTicks), x(tick) - 28, bottom + 4, { width: 56, align: 'center', lineBreak: false });
  }
  doc.moveTo(left, bottom).lineTo(right, bottom).lineWidth(0.8).strokeColor(MUTED).stroke();

  const level = (value: number, color: string, label: string) => {
    doc.moveTo(left, y(value)).lineTo(right, y(value)).lineWidth(1).dash(4, { space: 3 }).strokeColor(color).stroke().undash();
    doc.font('Helvetica-Bold').fontSize(7).fillColor(color).text(label, right + 4, y(value) - 3.5, { width: 56, lineBreak: false });
  };
  level(chart.baseline, MUTED, 'Baseline');
  level(chart.target, brand, 'Target');
  const mark = (date: string, color: string) => {
    if (date < chart.start || date > chart.end) return;
    doc.moveTo(x(date), top).lineTo(x(date), bottom).lineWidth(0.8).dash(2, { space: 2 }).strokeColor(color).stroke().undash();
  };
  mark(chart.targetDate, brand);
  mark(chart.today, TODAY);

  if (chart.points.length > 1) {
    chart.points.forEach((point, i) => (i === 0 ? doc.moveTo(x(point.on), y(point.value)) : doc.lineTo(x(point.on), y(point.value))));
    doc.lineWidth(1.8).strokeColor(brand).stroke();
  }
  for (const point of chart.points) doc.circle(x(point.on), y(point.value), 2.8).fill(brand);
  doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(
    chart.points.length === 0
      ? `Not measured yet. Target date ${readableDate(chart.targetDate)} (dashed); today in orange.`
      : `${chart.points.length} measurement${chart.points.length === 1 ? '' : 's'}${unit ? ` (${unit})` : ''}. Target date ${readableDate(chart.targetDate)} (dashed); today in orange.`,
    left,
    bottom + 13,
    { width: right - left, lineBreak: false },
  );
  doc.restore();
  doc.x = box.x;
  // Room under the footnote, so the next metric's title does not sit on it.
  doc.y = box.y + METRIC_CHART_HEIGHT + 10;
}

function diamond(doc: Doc, cx: number, cy: number, r: number) {
  return doc.moveTo(cx, cy - r).lineTo(cx + r, cy).lineTo(cx, cy + r).lineTo(cx - r, cy).closePath();
}
