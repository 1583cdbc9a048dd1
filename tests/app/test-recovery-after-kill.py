#!/usr/bin/python3
# test-recovery-after-kill.py JOURNEY_MAPS EXAMPLE — the real application,
# killed with SIGKILL after an edit, offers the edit back on the next start.
#
# It opens a copy of EXAMPLE with its own XDG folders and the keyfile
# settings backend (autosave-interval preset to the minimum, 5 seconds),
# edits the first card's text with the keyboard (xdotool), waits for the
# autosave, kills the process, starts it again, accepts the recovery
# offer, saves with Ctrl+S and reads the file. Run it on its own session
# bus (dbus-run-session), inside a display (xvfb-run): see meson.build.
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77
EDIT = "Recovered after a crash"


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def xdotool(*args, check=True):
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30)
    if check and result.returncode != 0:
        fail("xdotool %s: %s" % (" ".join(args), result.stderr.strip()))
    return result.stdout.split()


def wait_for(what, predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    fail("gave up after %g s waiting for %s" % (timeout, what))


def visible_windows(pid):
    return xdotool("search", "--onlyvisible", "--pid", str(pid), check=False)


def window_named(pid, name):
    for window in visible_windows(pid):
        title = subprocess.run(["xdotool", "getwindowname", window],
                               capture_output=True, text=True).stdout.strip()
        if name in title:
            return window
    return None


def keys(window, *sequence):
    xdotool("windowfocus", "--sync", window)
    time.sleep(0.3)
    for key in sequence:
        xdotool("key", "--clearmodifiers", key)
        time.sleep(0.2)


def recovery_copies(recovery_dir):
    return glob.glob(os.path.join(recovery_dir, "*.journey"))


def copy_with_edit(recovery_dir):
    for path in recovery_copies(recovery_dir):
        with open(path, encoding="utf-8") as f:
            if EDIT in f.read():
                return path
    return None


def main():
    binary, example = sys.argv[1:3]
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("No display or no session bus of its own: skipping")
        return SKIP
    if shutil.which("xdotool") is None:
        print("xdotool is missing: skipping")
        return SKIP

    tmp = tempfile.mkdtemp(prefix="jm-kill-")
    env = dict(os.environ)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = os.path.join(tmp, var.lower())
        os.makedirs(env[var])
    # The default place of the copies, not the test suite's.
    env.pop("JOURNEY_MAPS_RECOVERY_DIR", None)
    recovery_dir = os.path.join(env["XDG_CACHE_HOME"], "journey-maps", "recovery")
    # Settings from a key file we write first: the memory backend cannot be
    # preset from outside, and 30 seconds of waiting is too long.
    env["GSETTINGS_BACKEND"] = "keyfile"
    settings_dir = os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, "keyfile"), "w") as f:
        f.write("[io/github/journeymaps/JourneyMaps]\nautosave-interval=5\n")
    env["G_DEBUG"] = "gc-friendly,fatal-warnings"
    env["GTK_A11Y"] = "none"

    map_path = os.path.join(tmp, "map.journey")
    shutil.copyfile(example, map_path)
    with open(map_path, encoding="utf-8") as f:
        original = f.read()
    if EDIT in original:
        fail("the example already has the text of the edit")
    title = original.split("<title>", 1)[1].split("</title>", 1)[0]

    app = None
    try:
        # First run: open the map, change the first card's text.
        app = subprocess.Popen([binary, map_path], env=env)
        window = wait_for("the map's window", lambda: window_named(app.pid, title), 30)
        time.sleep(1)
        # The canvas has the focus: Tab selects the first card, Enter edits
        # it, Ctrl+Enter ends the edit.
        keys(window, "Tab", "Return", "ctrl+a")
        xdotool("type", "--delay", "20", EDIT)
        keys(window, "ctrl+Return")
        wait_for("the title to show unsaved changes", lambda: window_named(app.pid, "• " + title), 10)
        started = time.monotonic()

        # The autosave: within the 5 s interval (plus slack), well before
        # the default 30 s, so a preset that is not honoured fails here.
        copy = wait_for("the autosaved copy with the edit", lambda: copy_with_edit(recovery_dir), 15)
        print("autosaved %s after %.1f s" % (os.path.basename(copy), time.monotonic() - started))

        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        app = None
        with open(map_path, encoding="utf-8") as f:
            if f.read() != original:
                fail("the map itself changed before it was saved")
        if copy_with_edit(recovery_dir) is None:
            fail("the recovery copy did not survive the kill")

        # Second run, with no file: the offer to recover comes up first.
        app = subprocess.Popen([binary], env=env)
        wait_for("the main window", lambda: visible_windows(app.pid), 30)
        dialog = wait_for("the recovery offer",
                          lambda: len(visible_windows(app.pid)) >= 2 and visible_windows(app.pid)[-1], 15)
        time.sleep(1)
        # Enter takes the default response, Recover.
        keys(dialog, "Return")
        window = wait_for("the recovered map, unsaved", lambda: window_named(app.pid, "• " + title), 15)
        keys(window, "ctrl+s")

        def saved():
            with open(map_path, encoding="utf-8") as f:
                return EDIT in f.read()
        wait_for("the recovered edit saved in the map", saved, 15)
        wait_for("the recovery copy to go once saved", lambda: not recovery_copies(recovery_dir), 10)
        wait_for("the title to show the map saved", lambda: window_named(app.pid, title) and
                 not window_named(app.pid, "• " + title), 10)

        check = subprocess.run([binary, "--check", map_path], env=env, capture_output=True, text=True)
        if check.returncode != 0:
            fail("the saved map does not check: " + check.stderr)

        keys(window, "ctrl+q")
        app.wait(timeout=15)
        app = None
    finally:
        if app is not None:
            app.kill()
            app.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print("ok: the edit came back after SIGKILL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
