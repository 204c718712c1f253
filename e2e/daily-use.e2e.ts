import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, RESULTS_DIR, signIn, staffApi, sidewaysScroll, startLandfall, type RunningLandfall } from './support.ts';

// A manager's day: My work lists what waits on them, and the board moves a card by dragging it (with the pointer,
// through the same status change as the menu.

let browser: Browser;
let landfall: RunningLandfall;
before(async () => {
  browser = await launchBrowser();
  landfall = await startLandfall();
});
after(async () => {
  await landfall?.stop();
  await browser?.close();
});

type Task = { id: string; title: string; status: string };
const columnOf = (page: Page, status: string) => page.locator(`.board-column[data-status="${status}"]`);

describe('a manager’s day', () => {
  it('shows My work with its count, and takes an item off with Done', async () => {
    const context = await browser.newContext({ baseURL: landfall.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, landfall);
    await page.goto('/my-work');
    await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
    const reply = page.locator('section[aria-label="Customer replies"] .my-work-item').first();
    await reply.waitFor();
    const before = await page.locator('.my-work-item').count();
    await reply.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.my-work-item').length === n - 1, before);
    assert.equal(await sidewaysScroll(page), 0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'my-work-phone.png') });
    await context.close();
  });

  it('drags a board card to another column and its status changes', async () => {
    const context = await browser.newContext({ baseURL: landfall.url, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, landfall);
    const api = staffApi(page);
    const projects = await api.get<{ id: string }[]>('/projects');
    let projectId = '';
    let tasks: Task[] = [];
    for (const project of projects) {
      tasks = (await api.get<{ tasks: Task[] }>(`/projects/${project.id}`)).tasks;
      if (tasks.filter((t) => t.status === 'not_started').length >= 2) {
        projectId = project.id;
        break;
      }
    }
    assert.ok(projectId, 'a demo project has tasks not started');
    await page.goto(`/projects/${projectId}?tab=board`);
    const [first] = tasks.filter((t) => t.status === 'not_started');

    // Pointer: press on the card's handle, move over the In progress column, let go. A drag is a gesture in time: on a
    // busy machine the board may still be settling when it starts, so one that did not land is made again, once.
    const handle = page.getByRole('button', { name: `Drag ${first!.title} to another column` });
    const landed = columnOf(page, 'in_progress').getByRole('button', { name: first!.title, exact: true });
    await page.waitForLoadState('networkidle');
    for (let attempt = 1; ; attempt++) {
      await handle.scrollIntoViewIfNeeded();
      const from = (await handle.boundingBox())!;
      const target = (await columnOf(page, 'in_progress').locator('.board-title').boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
      await page.mouse.move(target.x + target.width / 2, target.y + target.height + 20, { steps: 12 });
      if (attempt === 1) await page.screenshot({ path: path.join(RESULTS_DIR, 'board-during-drag.png') });
      await page.mouse.up();
      try {
        await landed.waitFor({ timeout: 15_000 });
        break;
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
    await page.screenshot({ path: path.join(RESULTS_DIR, 'board-after-drop.png') });
    const moved = (await api.get<{ tasks: Task[] }>(`/projects/${projectId}`)).tasks.find((t) => t.id === first!.id);
    assert.equal(moved?.status, 'in_progress');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'board-dragged.png') });

    await context.close();
  });
});
