// The executive summary as a PDF (pdfkit, pure JS): the same content as the printable page, laid out for A4.
import PDFDocument from 'pdfkit';
import { readableDate } from '../../../core/calendar.ts';
import { CADENCE_FREQUENCY_LABELS, METRIC_STATUS_LABELS } from '../../../core/success-plans/scorecard.ts';
import { metricChart, timelineChart } from '../../../core/success-plans/summary-charts.ts';
import type { ExecutiveSummary } from '../../../contract/success-plans.ts';
import { drawMetricChart, drawTimeline, METRIC_CHART_HEIGHT, timelineHeight } from './executive-summary.charts.pdf.ts';

const INK = '#1f2933';
const MUTED = '#616e7c';
const LINE = '#d9dee3';
const MARGIN = 50;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "Summary of Acme onboarding" → "acme-onboarding-executive-summary-2026-05-04.pdf" */
export function summaryFilename(summary: Pick<ExecutiveSummary, 'projectName' | 'generatedOn'>): string {
  const slug = summary.projectName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  return `${slug}-executive-summary-${summary.generatedOn}.pdf`;
}

/** The PDF, with the workspace's logo (PNG or JPEG bytes; null: its name instead) and brand colour. */
export function renderSummaryPdf(summary: ExecutiveSummary, logo: Buffer | null): Promise<Buffer> {
  const brand = summary.branding;
  const ACCENT = brand.brandMarkColor;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: summary.title, Author: 'Landfall', Subject: summary.headline } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(60);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, MARGIN, doc.y, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).strokeColor(LINE).lineWidth(1).stroke();
    doc.moveDown(0.5);
  };
  const paragraph = (text: string, options: { color?: string; size?: number; bold?: boolean } = {}) => {
    doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.size ?? 10);
    ensure(doc.heightOfString(text, { width }) + 4);
    doc.fillColor(options.color ?? INK).text(text, MARGIN, doc.y, { width });
  };
  /** A table: header row in bold, rows that grow to fit their text, a new page (with the header again) when full. */
  const table = (columns: { title: string; width: number }[], rows: string[][]) => {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * width);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 6 }))) + 6;
      if (doc.y + height > bottom()) {
        doc.addPage();
        if (!bold) drawRow(columns.map((column) => column.title), true);
      }
      const top = doc.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        doc.fillColor(bold ? MUTED : INK).text(cell, x + 3, top + 3, { width: widths[i]! - 6 });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).strokeColor(LINE).lineWidth(0.5).stroke();
      doc.y = top + height;
      doc.x = MARGIN;
    };
    drawRow(columns.map((column) => column.title), true);
    for (const row of rows) drawRow(row, false);
    doc.moveDown(0.3);
  };

  // ---- Branding: the colour as a band across the top, the logo (or the workspace's name) at the top left ----
  doc.rect(0, 0, doc.page.width, 8).fill(brand.brandColor);
  let top = MARGIN - 18;
  if (logo) {
    try {
      doc.image(logo, MARGIN, top, { fit: [150, 40] });
      top += 48;
    } catch {
      // A logo pdfkit cannot read (a damaged PNG) leaves the name in its place rather than no PDF at all.
      logo = null;
    }
  }
  if (!logo) {
    doc.font('Helvetica-Bold').fontSize(11).fillColor(ACCENT).text(brand.workspaceName, MARGIN, top, { width });
    top = doc.y + 10;
  }

  // ---- Title ----
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(summary.accountName, MARGIN, top, { width });
  doc.font('Helvetica').fontSize(12).fillColor(MUTED).text(`Onboarding executive summary · ${summary.projectName}`, { width });
  doc.moveDown(0.3).fontSize(9).text(
    [
      `As of ${readableDate(summary.generatedOn)} (day ${summary.daysSinceDay0} since the contract was signed on ${readableDate(summary.day0)})`,
      summary.executiveSponsor ? `Executive sponsor: ${summary.executiveSponsor}` : null,
      summary.onboardingManager ? `Onboarding manager: ${summary.onboardingManager}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
    { width },
  );
  doc.moveDown(0.8);
  paragraph(summary.headline, { size: 12, bold: true, color: ACCENT });

  // ---- Timeline ----
  heading('Timeline: planned against actual');
  if (summary.timeline.milestones.length === 0) paragraph('This plan has no milestones yet.', { color: MUTED });
  else {
    const chart = timelineChart(summary.timeline.milestones, summary.generatedOn);
    if (chart) {
      ensure(timelineHeight(chart) + 10);
      drawTimeline(doc, chart, { x: MARGIN, y: doc.y + 4, width }, ACCENT);
      doc.moveDown(0.8);
    }
    table(
      [
        { title: 'Milestone', width: 3 },
        { title: 'Planned (baseline)', width: 2.4 },
        { title: 'Actual or projected', width: 2.6 },
        { title: 'Business days late', width: 2 },
        { title: 'Delay waiting on', width: 3 },
      ],
      summary.timeline.milestones.map((milestone) => [
        milestone.label,
        milestone.baseline ? readableDate(milestone.baseline) : milestone.source === 'success_plan' ? 'not in the plan' : '-',
        milestone.date ? `${milestone.reached ? 'Reached' : 'Projected'} ${readableDate(milestone.date)}${milestone.dayNumber !== null ? ` (day ${milestone.dayNumber})` : ''}` : '-',
        milestone.daysLate > 0 ? `${milestone.daysLate} late` : milestone.daysLate < 0 ? `${-milestone.daysLate} early` : 'on plan',
        milestone.owedToCustomer + milestone.owedToVendor > 0
          ? `customer ${days(milestone.owedToCustomer)}, vendor ${days(milestone.owedToVendor)}`
          : '-',
      ]),
    );
    paragraph(summary.timeline.note, { size: 9, color: MUTED });
  }

  // ---- Goals ----
  if (summary.goals.length > 0) {
    heading('Goals');
    for (const goal of summary.goals) paragraph(`•  ${goal}`);
  }

  // ---- Outcomes ----
  heading(`Outcomes: ${summary.value.verifiedOutcomes} of ${summary.value.totalOutcomes} confirmed by the customer`);
  if (summary.outcomes.length === 0) paragraph('The success plan has no outcomes yet.', { color: MUTED });
  for (const outcome of summary.outcomes) {
    ensure(80);
    doc.moveDown(0.4);
    paragraph(outcome.statement, { bold: true, size: 11 });
    if (outcome.verification) {
      const v = outcome.verification;
      paragraph(`Confirmed by ${v.byName} on ${readableDate(v.on)}${v.comment ? `: "${v.comment}"` : ''}`, { color: '#047857' });
      if (v.evidence) paragraph(`Evidence: ${v.evidence}`, { size: 9, color: MUTED });
    } else {
      paragraph(outcome.status === 'verification_requested' ? 'Awaiting the customer\'s confirmation.' : 'Not confirmed yet.', { color: MUTED, size: 9 });
    }
    if (outcome.metrics.length > 0) {
      doc.moveDown(0.2);
      table(
        [
          { title: 'Success metric', width: 3 },
          { title: 'Baseline', width: 1.6 },
          { title: 'Target', width: 2.4 },
          { title: 'Latest actual', width: 2.6 },
          { title: 'Standing', width: 2 },
        ],
        outcome.metrics.map((metric) => [
          metric.owner ? `${metric.name} (owner: ${metric.owner})` : metric.name,
          metric.baseline,
          `${metric.target} by ${readableDate(metric.targetDate)}`,
          metric.latest ? `${metric.latest.value} on ${readableDate(metric.latest.on)}` : '-',
          `${METRIC_STATUS_LABELS[metric.status]}${metric.progressPercent !== null ? ` (${metric.progressPercent}% of the way)` : ''}`,
        ]),
      );
      for (const metric of outcome.metrics) {
        ensure(METRIC_CHART_HEIGHT + 40);
        doc.moveDown(0.8);
        // The standard fonts' encoding (WinAnsi) has no arrow: words instead.
        doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(`${metric.name}: from ${metric.baseline} to ${metric.target}`, MARGIN, doc.y, { width });
        drawMetricChart(doc, metricChart(metric, summary.generatedOn), { x: MARGIN, y: doc.y + 2, width }, ACCENT, metric.unit);
      }
    }
  }

  // ---- Adoption ----
  heading('Adoption so far');
  const a = summary.adoption;
  paragraph(
    `Customer tasks done: ${a.customerTasksDone} (${a.onTime} on time, ${a.late} late). Open customer tasks past their planned date: ${a.overdueOpen}. ` +
      `Customer contacts engaged: ${a.contactsEngaged} of ${a.contactsCurrent}${a.engagedNames.length ? ` (${a.engagedNames.join(', ')})` : ''}.`,
  );
  paragraph(a.explanation, { size: 8, color: MUTED });

  // ---- Communication ----
  if (summary.communicationCadence.length > 0) {
    heading('How we stay in touch');
    table(
      [
        { title: 'Who', width: 3 },
        { title: 'Meets', width: 3 },
        { title: 'How often', width: 2 },
        { title: 'Channel', width: 2 },
      ],
      summary.communicationCadence.map((entry) => [entry.who, entry.meetsWhom, CADENCE_FREQUENCY_LABELS[entry.frequency].toLowerCase(), entry.channel]),
    );
  }

  doc.end();
  return done;
}
