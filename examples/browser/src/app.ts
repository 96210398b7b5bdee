// The demo page: login, the access token's remaining life, refresh, logout,
// and a static token shown once. The session lives in localStorage, shared by
// every tab, so that tabs take turns refreshing (Web Locks) and a tab that
// waited adopts the tokens the other one stored.
//   ?api=http://localhost:8055   the server (default: this page's origin)
//   ?mode=json                   refresh token in localStorage instead of an HttpOnly cookie
//   ?mode=session                both tokens in HttpOnly cookies; localStorage keeps only the expiry
import { type AuthData, type ClientAuthMode, ClientError, createClient, createLocalStorage } from "@tessera/client";

const params = new URLSearchParams(location.search);
const api = params.get("api") ?? location.origin;
const modes: readonly ClientAuthMode[] = ["json", "cookie", "session"];
const mode: ClientAuthMode = modes.find((m) => m === params.get("mode")) ?? "cookie";
const storage = createLocalStorage({ key: `tessera_auth:${api}` });

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

const ui = {
  form: element<HTMLFormElement>("login-form"),
  email: element<HTMLInputElement>("email"),
  password: element<HTMLInputElement>("password"),
  session: element("session"),
  who: element("who"),
  remaining: element("remaining"),
  life: element<HTMLProgressElement>("life"),
  staticBox: element("static-box"),
  staticToken: element<HTMLInputElement>("static-token"),
  error: element("error"),
  status: element("status"),
  log: element("log"),
};

function log(line: string) {
  const item = document.createElement("li");
  item.textContent = `${new Date().toLocaleTimeString()} ${line}`;
  ui.log.prepend(item);
}

const client = createClient(api, {
  mode,
  storage,
  onChange: (auth) => log(auth === null ? "session ended" : `new access token, valid ${(auth.expires / 1000).toFixed(1)} s`),
});

/** Runs a button's action: shows its outcome, or the error's code and reason. */
async function act(name: string, action: () => Promise<string>) {
  ui.error.textContent = "";
  ui.status.textContent = `${name}…`;
  try {
    ui.status.textContent = await action();
  } catch (error) {
    const text = error instanceof ClientError ? `${error.code} (${error.reason}): ${error.message}` : String(error);
    ui.error.textContent = `${name} failed: ${text}`;
    ui.status.textContent = `${name} failed.`;
  }
}

async function showWho(): Promise<string> {
  const me = await client.request<{ email: string; role: string }>("/users/me");
  ui.who.textContent = me.email;
  return `Signed in as ${me.email} (${me.role}).`;
}

/** Redraws from storage, so a refresh or a logout in another tab shows here too. */
function render(auth: AuthData | null) {
  ui.form.hidden = auth !== null;
  ui.session.hidden = auth === null;
  if (auth === null) {
    ui.staticBox.hidden = true;
    ui.staticToken.value = "";
    ui.who.textContent = "…";
    return;
  }
  const left = Math.max(0, auth.expires_at - Date.now());
  ui.remaining.textContent = left > 0 ? `${(left / 1000).toFixed(1)} s` : "expired (refreshed on the next request)";
  ui.life.value = auth.expires > 0 ? left / auth.expires : 0;
}

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  void act("Log in", async () => {
    await client.login(ui.email.value, ui.password.value);
    ui.password.value = "";
    render(storage.get());
    return showWho();
  });
});
element("refresh").addEventListener("click", () => void act("Refresh", async () => {
  const auth = await client.refresh();
  return `Refreshed: the access token is valid for ${(auth.expires / 1000).toFixed(1)} s.`;
}));
element("me").addEventListener("click", () => void act("Who am I", showWho));
element("static").addEventListener("click", () => void act("Static token", async () => {
  const { token } = await client.request<{ token: string }>("/users/me/token", { method: "POST" });
  ui.staticToken.value = token;
  ui.staticBox.hidden = false;
  return "Static token generated; it is shown only this once.";
}));
element("logout").addEventListener("click", () => void act("Log out", async () => {
  await client.logout();
  return "Logged out.";
}));

element("api").textContent = api;
element("mode").textContent = mode;
setInterval(() => render(storage.get()), 100);
render(storage.get());
if (storage.get() !== null) void act("Who am I", showWho);
