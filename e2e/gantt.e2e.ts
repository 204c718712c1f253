// The Gantt chart by hand: zoom (remembered), drag a bar to move a task, drag a bar's end onto another task to link
// them, a loop refused in the tasks' names, the link removed; at 1440×900 and on a 390×844 phone (the chart scrolls
// inside itself, the page does not scroll sideways).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { linkRefusal } from '../src/core/schedule/links.ts';
import { launchBrowser, screenshot, sidewaysScroll, signIn, startLandfall, staffApi, type RunningLandfall } from './support.ts';

interface Task {
  id: string;
  title: string;
  status: string;
  durationDays: number;
  milestoneKind: string | null;
  projectedStart: string | null;
  pinnedStart: string | null;
  actualStart: string | null;
}
interface Project {
  id: string;
  name: string;
  status: string;
  tasks: Task[];
  dependencies: { predecessorId: string; successorId: string; lagDays: number }[];
}

let browser: Browser;
let landfall: RunningLandfall;
before(async () => {
  browser = await launchBrowser();
  landfall = await startLandfall({ LANDFALL_DEMO: '1' });
});
after(async () => {
  await landfall?.stop();
  await browser?.close();
});

const center = async (locator: Locator) => {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};
async function dragFromTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) await page.mouse.move(from.x + ((to.x - from.x) * step) / 8, from.y + ((to.y - from.y) * step) / 8);
  await page.mouse.up();
}
/** The chart at the top of the window, for a screenshot of it rather than of the project's header. */
const showChart = (page: Page) => page.evaluate(() => document.querySelector('.gantt-toolbar')?.scrollIntoView({ block: 'start' }));

/** No month or week label runs past the chart's edges or into the next one. */
async function labelsFit(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('.gantt-svg')!;
    const width = svg.width.baseVal.value;
    const problems: string[] = [];
    for (const selector of ['.gantt-month', '.gantt-week']) {
      const boxes = [...svg.querySelectorAll<SVGTextElement>(selector)].map((text) => ({ text: text.textContent, box: text.getBBox() }));
      boxes.forEach(({ text, box }, i) => {
        if (box.x < 0 || box.x + box.width > width + 0.5) problems.push(`${text} runs past the edge (${box.x}–${box.x + box.width} of ${width})`);
        const next = boxes[i + 1];
        if (next && box.x + box.width > next.box.x) problems.push(`${text} runs into ${next.text}`);
      });
    }
    // A month's name is never cut by the edge of the view either, however far the chart is scrolled.
    const view = document.querySelector<HTMLElement>('.gantt-scroll')!;
    for (const text of svg.querySelectorAll<SVGTextElement>('.gantt-month')) {
      const box = text.getBBox();
      if (box.x < view.scrollLeft - 0.5 || box.x + box.width > view.scrollLeft + view.clientWidth + 0.5) problems.push(`${text.textContent} is cut by the view`);
    }
    return { problems, months: [...svg.querySelectorAll('.gantt-month')].map((text) => text.textContent) };
  });
}

describe('the Gantt chart by hand', () => {
  it('zooms (remembered), moves a bar, links two tasks and removes the link, through the engine and the history', async () => {
    const page = await browser.newPage({ baseURL: landfall.url, viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await signIn(page, landfall);
    // Signed in (the sign-in page's own 401 for "nobody yet" is not an error), nothing on the console from here.
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const api = staffApi(page);

    // A running demo project with a task not started yet (to move) and two open tasks neither of which waits for
    // the other (to link, the first before the second).
    const list = await api.get<{ items?: { id: string }[] } | { id: string }[]>('/projects');
    const ids = (Array.isArray(list) ? list : (list.items ?? [])).map((p) => p.id);
    let found: { project: Project; bar: Task; first: Task; second: Task } | undefined;
    for (const id of ids) {
      const project = await api.get<Project>(`/projects/${id}`);
      if (project.status !== 'active') continue;
      const open = project.tasks.filter((t) => t.status !== 'done' && t.status !== 'skipped' && t.projectedStart);
      const bar = open.find((t) => t.durationDays > 0 && t.milestoneKind === null && t.actualStart === null); // its start is a plan
      if (!bar) continue;
      const name = (taskId: string) => project.tasks.find((t) => t.id === taskId)?.title ?? taskId;
      for (const a of open) {
        const b = open.find(
          (t) =>
            t.id !== a.id && a.id !== bar.id && t.id !== bar.id && !t.milestoneKind && linkRefusal(project.dependencies, a.id, t.id, name) === null && linkRefusal(project.dependencies, t.id, a.id, name) === null,
        );
        if (b) {
          found = { project, bar, first: a, second: b };
          break;
        }
      }
      if (found) break;
    }
    assert.ok(found, 'a demo project with work to move and two tasks that can be linked');
    const { project, bar, first, second } = found;

    await page.goto(`${landfall.url}/projects/${project.id}`);
    await page.getByRole('tab', { name: 'Gantt' }).click();
    const chart = page.locator('.gantt-svg');
    await chart.waitFor();

    // Zoom: a day is 30 px, 12 px, 4 px wide; the choice outlives a reload.
    const barWidth = async () => Number(await page.locator(`[data-task="${bar.id}"] .gantt-bar`).getAttribute('width'));
    const widths: Record<string, number> = {};
    for (const zoom of ['Days', 'Weeks', 'Months']) {
      await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: zoom }).click();
      await page.waitForFunction((label) => document.querySelector('.gantt-zoom [aria-pressed="true"]')?.textContent === label, zoom);
      widths[zoom] = await barWidth();
      const labels = await labelsFit(page);
      assert.deepEqual(labels.problems, [], `${zoom}: every month and week label fits`);
      assert.ok(labels.months.length > 0, `${zoom}: a month is named`);
      await showChart(page);
      await page.screenshot({ path: screenshot(`gantt-zoom-${zoom.toLowerCase()}`) });
    }
    assert.equal(widths.Days! / widths.Months!, 30 / 4, 'a day is 30 px wide by days, 4 by months');
    assert.equal(widths.Weeks! / widths.Months!, 12 / 4);
    await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Weeks' }).click();
    await page.reload();
    await page.getByRole('tab', { name: 'Gantt' }).click();
    await chart.waitFor();
    assert.equal(await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Weeks' }).getAttribute('aria-pressed'), 'true', 'the zoom is remembered');

    // Drag a bar a week later (12 px a day): its start is set there, what follows moves, Undo puts it back.
    const item = page.locator(`[data-task="${bar.id}"]`);
    await item.scrollIntoViewIfNeeded();
    const from = await center(item.locator('.gantt-bar'));
    await dragFromTo(page, from, { x: from.x + 7 * 12, y: from.y });
    await page.locator('.toast').filter({ hasText: `${bar.title} now starts` }).waitFor();
    const week = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const moved = await api.get<Project>(`/projects/${project.id}`);
    const movedTask = moved.tasks.find((t) => t.id === bar.id)!;
    assert.ok(movedTask.pinnedStart && movedTask.pinnedStart >= week(bar.projectedStart!), `moved a week: ${bar.projectedStart} → ${movedTask.pinnedStart}`);
    assert.equal(movedTask.projectedStart, movedTask.pinnedStart);
    await showChart(page);
    await page.screenshot({ path: screenshot('gantt-moved') });
    const history = await api.get<{ field: string | null; reason: string | null; taskId: string | null }[]>(`/projects/${project.id}/history`);
    assert.ok(history.some((line) => line.field === 'pinnedStart' && line.taskId === bar.id && line.reason === 'Moved on the Gantt chart'), 'the move is in the history');
    await page.locator('.toast').filter({ hasText: `${bar.title} now starts` }).getByRole('button', { name: 'Undo' }).click();
    await page.locator('.toast').filter({ hasText: 'Undone' }).waitFor();
    assert.equal((await api.get<Project>(`/projects/${project.id}`)).tasks.find((t) => t.id === bar.id)!.pinnedStart, bar.pinnedStart, 'undo puts the start back');

    // Link: from the dot at the end of the first bar onto the second (by months, so both are in view).
    await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Months' }).click();
    await page.locator(`[data-task="${first.id}"]`).scrollIntoViewIfNeeded();
    await page.locator(`[data-task="${first.id}"]`).hover();
    await dragFromTo(page, await center(page.locator(`[data-task="${first.id}"] .gantt-link-handle`)), await center(page.locator(`[data-task="${second.id}"] .gantt-hit`)));
    await page.locator('.toast').filter({ hasText: `${second.title} now waits for ${first.title}` }).waitFor();
    const linked = await api.get<Project>(`/projects/${project.id}`);
    assert.ok(linked.dependencies.some((d) => d.predecessorId === first.id && d.successorId === second.id), 'the link is saved');
    const link = page.locator(`.gantt-link-item[data-link="${first.id}>${second.id}"]`);
    await link.waitFor();

    // The other way round would be a loop: refused in the tasks' names, nothing sent.
    await page.locator(`[data-task="${second.id}"]`).hover();
    await dragFromTo(page, await center(page.locator(`[data-task="${second.id}"] .gantt-link-handle`)), await center(page.locator(`[data-task="${first.id}"] .gantt-hit`)));
    await page.locator('.toast-error').filter({ hasText: `${second.title} already depends on ${first.title}` }).waitFor();
    assert.equal((await api.get<Project>(`/projects/${project.id}`)).dependencies.length, linked.dependencies.length, 'nothing changed');
    await showChart(page);
    await page.screenshot({ path: screenshot('gantt-linked') });

    // Select the link (Tab reaches it) and remove it.
    await link.focus();
    await page.getByRole('button', { name: 'Remove link' }).waitFor();
    await page.screenshot({ path: screenshot('gantt-link-selected') });
    await page.keyboard.press('Delete');
    await page.locator('.toast').filter({ hasText: `${second.title} no longer waits for ${first.title}` }).waitFor();
    await link.waitFor({ state: 'detached' });
    const unlinked = await api.get<Project>(`/projects/${project.id}`);
    assert.ok(!unlinked.dependencies.some((d) => d.predecessorId === first.id && d.successorId === second.id), 'the link is gone');

    // The history names the links, with what the engine moved under them.
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText(`${second.title} now depends on`).first().waitFor();
    await page.screenshot({ path: screenshot('gantt-history') });

    assert.deepEqual(errors, []);
    await page.close();
  });

  it('on a 390×844 phone the chart scrolls inside itself and the page does not scroll sideways', async () => {
    const page = await browser.newPage({ baseURL: landfall.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await signIn(page, landfall);
    // A project with a task not started yet (its start is a plan, so a finger can move it).
    const api = staffApi(page);
    const list = await api.get<{ items?: { id: string }[] } | { id: string }[]>('/projects');
    const planned = (t: Task) => t.status !== 'done' && t.status !== 'skipped' && t.durationDays > 0 && t.milestoneKind === null && t.actualStart === null && t.projectedStart;
    let project: Project | undefined;
    for (const { id } of Array.isArray(list) ? list : (list.items ?? [])) {
      const candidate = await api.get<Project>(`/projects/${id}`);
      if (candidate.status === 'active' && candidate.tasks.some(planned)) {
        project = candidate;
        break;
      }
    }
    assert.ok(project, 'a project with work not started yet');
    const id = project.id;
    await page.goto(`${landfall.url}/projects/${id}`);
    await page.getByRole('tab', { name: 'Gantt' }).click();
    await page.locator('.gantt-svg').waitFor();
    for (const zoom of ['Days', 'Months']) {
      await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: zoom }).click();
      await page.locator('.gantt-svg').waitFor();
      assert.equal(await sidewaysScroll(page), 0, `${zoom}: the page does not scroll sideways`);
      const inside = await page.locator('.gantt-scroll').evaluate((box) => box.scrollWidth > box.clientWidth);
      assert.ok(zoom === 'Months' || inside, `${zoom}: the chart scrolls inside itself`);
      const labels = await labelsFit(page);
      assert.deepEqual(labels.problems, []);
      await showChart(page);
      await page.screenshot({ path: screenshot(`gantt-phone-${zoom.toLowerCase()}`) });
    }

    // By finger: a swipe over the bars scrolls the chart; a finger held still on a bar first moves that bar.
    const task = project.tasks.find(planned)!;
    await page.getByRole('group', { name: 'Zoom' }).getByRole('button', { name: 'Days' }).click();
    const item = page.locator(`[data-task="${task.id}"]`);
    await item.scrollIntoViewIfNeeded();
    const cdp = await page.context().newCDPSession(page);
    const touch = async (points: { x: number; y: number }[], holdMs: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]!] });
      await page.waitForTimeout(holdMs);
      for (const point of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const start = await center(item.locator('.gantt-bar'));
    const scroller = page.locator('.gantt-scroll');
    const scrolledBefore = await scroller.evaluate((box) => box.scrollLeft);
    await touch([start, ...[1, 2, 3, 4, 5, 6].map((i) => ({ x: start.x - i * 15, y: start.y }))], 0);
    await page.waitForTimeout(500);
    assert.notEqual(await scroller.evaluate((box) => box.scrollLeft), scrolledBefore, 'a swipe scrolls the chart');
    assert.equal(await page.locator('.toast').filter({ hasText: 'now starts' }).count(), 0, 'a swipe moves nothing');
    // The bar's start at the left of the chart, so the finger's path stays on the screen.
    await scroller.evaluate((box, taskId) => {
      const bar = box.querySelector(`[data-task="${taskId}"] .gantt-bar`)!;
      box.scrollLeft += bar.getBoundingClientRect().left - box.getBoundingClientRect().left - 10;
    }, task.id);
    const barBox = (await item.locator('.gantt-bar').boundingBox())!;
    const held = { x: barBox.x + Math.min(12, barBox.width / 2), y: barBox.y + barBox.height / 2 };
    await touch([held, ...[1, 2, 3, 4, 5].map((i) => ({ x: held.x + i * 30, y: held.y }))], 600);
    await page.locator('.toast').filter({ hasText: `${task.title} now starts` }).waitFor();
    await page.screenshot({ path: screenshot('gantt-phone-moved-by-finger') });

    assert.deepEqual(errors, []);
    await page.close();
  });
});
