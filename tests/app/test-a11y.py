#!/usr/bin/python3
"""The window's controls are reachable by role and name over AT-SPI, as a
screen reader finds them, and they work: "New Journey Map" opens a map."""
import os
import subprocess
import sys
import time

import pyatspi


def find(node, role, name=None, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if node.getRole() == role and (name is None or node.name == name):
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), role, name, depth + 1)
            if found is not None:
                return found
    except Exception:
        return None
    return None


def wait_for(what, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        result = what()
        if result:
            return result
        time.sleep(0.2)
    return None


def app_named(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def main(binary):
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    # The application keeps the suite's fatal warnings; this client does not
    # (see run-a11y.sh).
    if "JM_APP_G_DEBUG" in env:
        env["G_DEBUG"] = env.pop("JM_APP_G_DEBUG")
    env["GSETTINGS_BACKEND"] = "memory"
    proc = subprocess.Popen([binary], env=env)
    failures = []
    try:
        app = wait_for(lambda: app_named("journey-maps"))
        if app is None:
            print("the application never showed up on the accessibility bus", file=sys.stderr)
            return 1
        frame = wait_for(lambda: find(app, pyatspi.ROLE_FRAME))
        if frame is None or "Journey Maps" not in frame.name:
            failures.append(f"no window named Journey Maps (found {frame.name if frame else None!r})")

        for name in ("Open a Journey Map", "Undo", "Redo", "Export…", "Zoom In", "Zoom Out",
                     "Show the Inspector"):
            if wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, name), 5) is None:
                failures.append(f"no button named {name!r}")
        # The zoom level opens a menu: fit, fit width, 50, 100, 200 %.
        if wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Zoom Level")
                    or find(app, pyatspi.ROLE_TOGGLE_BUTTON, "Zoom Level"), 5) is None:
            failures.append("no button named 'Zoom Level'")

        # The empty state offers a new map and opening one.
        empty = find(app, pyatspi.ROLE_PANEL, "Map Your Customer’s Journey")
        if empty is None:
            failures.append("no empty state")
        for name in ("New Journey Map", "Open…"):
            if find(empty, pyatspi.ROLE_PUSH_BUTTON, name) is None:
                failures.append(f"the empty state has no button named {name!r}")
        if find(app, pyatspi.ROLE_TOGGLE_BUTTON, "Main Menu") is None and \
           find(app, pyatspi.ROLE_PUSH_BUTTON, "Main Menu") is None:
            failures.append("no main menu button")

        new = find(empty, pyatspi.ROLE_PUSH_BUTTON, "New Journey Map")
        if new is not None:
            new.queryAction().doAction(0)
            canvas = wait_for(lambda: find(app, pyatspi.ROLE_IMAGE, "Journey map"), 10)
            if canvas is None:
                failures.append("activating New Journey Map showed no map")
            def renamed():
                frame = find(app, pyatspi.ROLE_FRAME)
                return frame if frame is not None and "Untitled journey map" in frame.name else None
            if wait_for(renamed, 10) is None:
                frame = find(app, pyatspi.ROLE_FRAME)
                failures.append(f"the window title did not change (it is {frame.name if frame else None!r})")
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()

    for f in failures:
        print(f, file=sys.stderr)
    print(f"{0 if failures else 1} passed, {len(failures) and 1} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
