// End to end in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): the example page logs in, counts the access token down,
// and two tabs refreshing at the same instant both stay logged in on a server
// with no retry grace, with one refresh on the wire. Saves a screenshot.
// Node only: playwright-core's driver runs on Node.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { startServer } from "./support/start-server.ts";

const chromiumPath = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../../", import.meta.url));
const results = join(root, ".test-results");
const screenshotPath = join(results, "browser-example.png");
const name = "two tabs of the example page refreshing at the same instant both stay logged in (headless Chromium)";

/** Clicks the same button in every page at one agreed instant (the tabs share the machine's clock). */
async function clickTogether(pages: readonly Page[], selector: string) {
  const at = Date.now() + 500;
  await Promise.all(pages.map((page) => page.evaluate(([s, t]) => new Promise<void>((resolve) => setTimeout(() => {
    (document.querySelector(s as string) as HTMLElement).click();
    resolve();
  }, (t as number) - Date.now())), [selector, at] as const)));
}

const remainingSeconds = async (page: Page) => Number.parseFloat((await page.textContent("#remaining")) ?? "NaN");

/** Builds the example page into .test-results (the server serves it beside the API: same origin, no CORS). */
// Both browser tests serve the same example build: made once, on first use.
let exampleSite: string | undefined;
const builtSite = (): string => (exampleSite ??= buildSite());

function buildSite(): string {
  mkdirSync(results, { recursive: true });
  const site = join(results, "browser-site");
  const build = spawnSync(join(root, "node_modules", ".bin", "bun"), [join(root, "examples", "browser", "build.ts"), site], { encoding: "utf8" });
  assert.equal(build.status, 0, build.stderr);
  return site;
}

/** A headless Chromium with a fresh profile; `close` also removes the profile. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), "tessera-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function run() {
  const started = performance.now();
  const site = builtSite();
  // 30 s tokens: the page's auto-refresh (half-way) stays out of the way of the refresh the tabs race on.
  const server = await startServer({ accessTtl: "30s", reuseGrace: "0s", staticDir: site });
  const browser = await launchChromium();
  const { context } = browser;
  try {
    const refreshes: string[] = [];
    context.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/auth/refresh") refreshes.push(request.url());
    });
    const url = `${server.url}/`;
    const first = context.pages()[0] ?? (await context.newPage());
    await first.goto(url);
    await first.fill("#email", server.email);
    await first.fill("#password", server.password);
    await first.click("#login");
    await first.waitForFunction((email) => document.querySelector("#who")?.textContent === email, server.email);

    // The countdown moves down.
    const before = await remainingSeconds(first);
    await first.waitForTimeout(1_200);
    const after = await remainingSeconds(first);
    assert.ok(before > 0 && after < before, `the countdown went from ${before} to ${after}`);

    // A second tab picks the session up from localStorage, then both refresh at once.
    const second = await context.newPage();
    await second.goto(url);
    await second.waitForFunction((email) => document.querySelector("#who")?.textContent === email, server.email);
    const tabs = [first, second] as const;
    await clickTogether(tabs, "#refresh");
    for (const tab of tabs) await tab.waitForFunction(() => /^Refresh(ed|\sfailed)/.test(document.querySelector("#status")?.textContent ?? ""));
    for (const tab of tabs) assert.equal(await tab.textContent("#error"), "");
    // Usually one tab refreshes and the other, waiting on the Web Lock, adopts its tokens from localStorage. But
    // Chromium propagates a localStorage write to another tab's renderer asynchronously, so now and then the second
    // tab still sees the old pair when it gets the lock and refreshes once more; in cookie mode it then spends the
    // cookie the first refresh set (a rotation, never a reuse), which the checks below prove by both tabs staying in.
    assert.ok(refreshes.length === 1 || refreshes.length === 2, `${refreshes.length} refreshes went out for two tabs`);

    // Both tabs are still logged in: their next requests succeed.
    await clickTogether(tabs, "#me");
    for (const tab of tabs) await tab.waitForFunction(() => /^Signed in as|failed/.test(document.querySelector("#status")?.textContent ?? ""));
    for (const tab of tabs) {
      assert.equal(await tab.textContent("#error"), "");
      assert.equal(await tab.textContent("#who"), server.email);
    }
    await first.waitForTimeout(200); // the server's log lines travel through a pipe
    assert.equal(server.count("POST", "/auth/refresh"), refreshes.length, "the server's log agrees");

    // A static token is shown once.
    await first.click("#static");
    await first.waitForFunction(() => (document.querySelector("#static-token") as HTMLInputElement).value !== "");
    assert.match(await first.inputValue("#static-token"), /^tsk_[0-9A-Za-z]{38}$/);
    await first.screenshot({ path: screenshotPath, fullPage: true });
    await first.reload();
    await first.waitForFunction((email) => document.querySelector("#who")?.textContent === email, server.email);
    assert.equal(await first.inputValue("#static-token"), "", "not shown again after a reload");

    // Logging out in one tab logs every tab out.
    await first.click("#logout");
    for (const tab of tabs) await tab.waitForSelector("#login-form", { state: "visible" });
    assert.equal(await second.evaluate(() => localStorage.length), 0);
  } finally {
    await browser.close();
    await server.stop();
    console.log(`browser test: ${((performance.now() - started) / 1000).toFixed(1)} s; screenshot: ${screenshotPath}`);
  }
}

const sessionName = "in session mode the page holds no token: the browser sends the HttpOnly session cookie (headless Chromium)";

async function runSessionMode() {
  const site = builtSite();
  const server = await startServer({ accessTtl: "30s", reuseGrace: "0s", staticDir: site });
  const browser = await launchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const sentBearer: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["authorization"] !== undefined) sentBearer.push(request.url());
    });
    await page.goto(`${server.url}/?mode=session`);
    await page.fill("#email", server.email);
    await page.fill("#password", server.password);
    await page.click("#login");
    await page.waitForFunction((email) => document.querySelector("#who")?.textContent === email, server.email);

    // Neither token is within a script's reach: both cookies are HttpOnly, and storage keeps only the expiry.
    assert.equal(await page.evaluate(() => document.cookie), "");
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem(localStorage.key(0) ?? ""))) ?? "null") as Record<string, unknown>;
    assert.deepEqual([stored["access_token"], stored["refresh_token"], typeof stored["expires_at"]], [null, null, "number"]);
    // All of the profile's cookies: the refresh cookie's path is /auth, so a query by the page's URL would leave it out.
    const cookies = await browser.context.cookies();
    assert.deepEqual(cookies.map((c) => [c.name, c.httpOnly]).sort(), [["tessera_refresh_token", true], ["tessera_session_token", true]]);

    // A refresh replaces the cookies, and the next request still answers.
    const before = cookies.find((c) => c.name === "tessera_refresh_token")?.value;
    await page.click("#refresh");
    await page.waitForFunction(() => /^Refresh(ed|\sfailed)/.test(document.querySelector("#status")?.textContent ?? ""));
    assert.equal(await page.textContent("#error"), "");
    const after = (await browser.context.cookies()).find((c) => c.name === "tessera_refresh_token")?.value;
    assert.ok(after !== undefined && after !== before, "the refresh rotated the refresh cookie");
    await page.click("#me");
    await page.waitForFunction(() => /^Signed in as|failed/.test(document.querySelector("#status")?.textContent ?? ""));
    assert.equal(await page.textContent("#error"), "");
    assert.deepEqual(sentBearer, [], "no request carried a bearer");

    await page.click("#logout");
    await page.waitForSelector("#login-form", { state: "visible" });
    assert.deepEqual(await browser.context.cookies(), [], "logout cleared both cookies");
  } finally {
    await browser.close();
    await server.stop();
  }
}

const missing = `(skipped: ${chromiumPath} is not installed; apt-get install -y chromium)`;
if (existsSync(chromiumPath)) {
  test(name, run);
  test(sessionName, runSessionMode);
} else {
  test.skip(`${name} ${missing}`, () => {});
  test.skip(`${sessionName} ${missing}`, () => {});
}
