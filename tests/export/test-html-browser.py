#!/usr/bin/env python3
"""The web page export in a real browser.

Exports every example to HTML with `journey-maps --export`, then for each
page: `tidy -errors -q` reports no error; headless Chromium renders it at
a desktop and a phone width (screenshots kept in SHOTS for people to look
at); axe-core, run inside the page in Chromium, finds no violation; and at
320 CSS pixels (WCAG's reflow width) nothing but the picture's own
scrolling region is wider than the screen.

Usage: test-html-browser.py JOURNEY_MAPS EXAMPLES_DIR AXE_JS SHOTS_DIR
Exit 77 (skipped) only when chromium is not installed.
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def chromium_command():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, profile, args, timeout=180):
    # Headless, no sandbox (tests may run as root), and no network: every
    # host name resolves to nothing.
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--disable-sync",
        "--disable-background-networking", "--disable-component-update",
        "--mute-audio", "--hide-scrollbars", "--disable-crash-reporter", "--allow-file-access-from-files",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
    ] + args
    # Its own home too: nothing written to the user's.
    env = dict(os.environ, HOME=profile)
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            timeout=timeout, text=True, env=env)
    return result


RUNNER = """
<script src="axe.min.js"></script>
<script>
(function () {
  var root = document.documentElement;
  /* Reflow: what is wider than the screen, outside scrolling regions. */
  var wide = [];
  document.querySelectorAll('main *').forEach(function (el) {
    if (el.closest('.scroll') && !el.classList.contains('scroll')) return;
    var r = el.getBoundingClientRect();
    if (r.right > root.clientWidth + 1) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
  });
  root.setAttribute('data-wide', JSON.stringify(wide.slice(0, 10)));
  root.setAttribute('data-scroll-width', String(root.scrollWidth) + ' ' + String(root.clientWidth));
  axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
    root.setAttribute('data-axe', JSON.stringify(r.violations.map(function (v) {
      return { id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }) };
    })));
  }).catch(function (e) { root.setAttribute('data-axe-error', String(e)); });
})();
</script>
"""


def attribute(dom, name):
    match = re.search(r'<html[^>]*\s' + re.escape(name) + r'="([^"]*)"', dom)
    return html.unescape(match.group(1)) if match else None


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    journey_maps, examples, axe_js, shots = sys.argv[1:]

    chromium = chromium_command()
    if chromium is None:
        print("chromium is not installed: skipped (build-aux/deps.sh installs it)")
        return SKIP
    tidy = shutil.which("tidy")
    if tidy is None:
        print("tidy is missing: build-aux/deps.sh installs it", file=sys.stderr)
        return 1
    if not os.path.isfile(axe_js):
        print(f"{axe_js} is missing: build-aux/deps.sh installs axe-core from npm into _deps/",
              file=sys.stderr)
        return 1

    os.makedirs(shots, exist_ok=True)
    failures = []
    maps = sorted(glob.glob(os.path.join(examples, "*.journey")))
    if not maps:
        print(f"no examples in {examples}", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="jm-html-browser-") as tmp:
        shutil.copy(axe_js, os.path.join(tmp, "axe.min.js"))
        profile = os.path.join(tmp, "profile")
        for path in maps:
            name = os.path.basename(path)[:-len(".journey")]
            page = os.path.join(tmp, name + ".html")
            print(f"# {name}")

            result = subprocess.run([journey_maps, f"--export={page}", path],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if result.returncode != 0:
                failures.append(f"{name}: --export failed ({result.returncode}): {result.stderr}")
                continue

            # tidy: no errors (exit 2), and with -errors nothing said at all.
            result = subprocess.run([tidy, "-errors", "-q", page],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if result.returncode >= 2 or result.stderr.strip():
                failures.append(f"{name}: tidy says:\n{result.stderr}")

            # Screenshots at a desktop's and a phone's width.
            for label, size in (("desktop", "1280,2400"), ("phone", "390,2400")):
                shot = os.path.join(shots, f"{name}-{label}.png")
                if os.path.exists(shot):
                    os.unlink(shot)
                result = run_chromium(chromium, profile,
                                      [f"--screenshot={shot}", f"--window-size={size}",
                                       "file://" + page])
                if not os.path.isfile(shot) or os.path.getsize(shot) < 10000:
                    failures.append(f"{name}: no {label} screenshot: {result.stderr[-2000:]}")
                else:
                    print(f"#   {label} screenshot: {shot}")

            # axe-core inside the page, at WCAG's reflow width of 320 px.
            checked = os.path.join(tmp, name + ".axe.html")
            with open(page, encoding="utf-8") as f:
                text = f.read()
            if "</body>" not in text:
                failures.append(f"{name}: the page has no </body>")
                continue
            with open(checked, "w", encoding="utf-8") as f:
                f.write(text.replace("</body>", RUNNER + "</body>", 1))
            result = run_chromium(chromium, profile,
                                  ["--dump-dom", "--virtual-time-budget=30000", "--window-size=320,800",
                                   "file://" + checked])
            dom = result.stdout
            error = attribute(dom, "data-axe-error")
            violations = attribute(dom, "data-axe")
            if error is not None:
                failures.append(f"{name}: axe-core failed: {error}")
                continue
            if violations is None:
                failures.append(f"{name}: axe-core did not report (chromium exit {result.returncode}): "
                                f"{result.stderr[-2000:]}")
                continue
            violations = json.loads(violations)
            for v in violations:
                failures.append(f"{name}: axe: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}")
            print(f"#   axe-core: {len(violations)} violations")
            wide = json.loads(attribute(dom, "data-wide") or "[]")
            if wide:
                failures.append(f"{name}: wider than a 320 px screen: {wide} "
                                f"(scroll width, screen: {attribute(dom, 'data-scroll-width')})")

    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{len(maps)} pages, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
