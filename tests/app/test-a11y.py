#!/usr/bin/python3
"""The window's controls are reachable by role and name over AT-SPI, as a
screen reader finds them, and they work: "New Journey Map" opens a map.
Then, on the restaurant example, the keyboard walks the canvas and every
move is a focus event whose name and description say what and where the
object is: a cell, a step header, a stage header, a lane title, the
second persona's emotion point, whose new score is said when it is set.
The outline alone renames a stage and sets a score, saved to the file.
And no control of the window, its inspector pages, preferences, export and
import dialogs, shortcuts and presentation is unnamed, read with its
mnemonic's underscore, or named after its type."""
import os
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib


def find(node, role, name=None, depth=0, prefix=False):
    """The first node under node of the role (None: any) whose name is name
    (or starts with it, with prefix)."""
    if node is None or depth > 40:
        return None
    try:
        if (role is None or node.getRole() == role) and \
           (name is None or node.name == name or (prefix and (node.name or "").startswith(name))):
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), role, name, depth + 1, prefix)
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


def app_of(pid):
    """The application of this process: an earlier one, terminated, may
    still be listed under the same name."""
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=False, capture_output=True, timeout=30)


def canvas_walk(binary, example, env):
    """Keys to the canvas; returns the failures."""
    failures = []
    heard = []

    def on_focus(event):
        if event.detail1 == 1:
            try:
                heard.append((event.source.name, event.source.description))
            except Exception:
                pass

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    proc = subprocess.Popen([binary, example], env=env)
    context = GLib.MainContext.default()

    def pump(seconds):
        end = time.time() + seconds
        while time.time() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.02)

    def settle(expect, timeout):
        """Pumps events until the last focus heard starts with expect and
        nothing more is heard for a moment, or until timeout: a slow build
        (sanitizers, a loaded machine) answers late, not wrongly."""
        end = time.time() + timeout
        count, quiet_since = -1, time.time()
        while time.time() < end:
            pump(0.1)
            if len(heard) != count:
                count, quiet_since = len(heard), time.time()
            elif heard and heard[-1][0].startswith(expect) and time.time() - quiet_since > 0.6:
                return

    def press(keys, expect):
        """Sends keys; the last focus event heard must start with expect."""
        del heard[:]
        xdotool("key", "--clearmodifiers", "--delay", "80", *keys.split())
        settle(expect, 12)
        if not heard:
            failures.append(f"{keys}: no focus event")
            return None
        name, description = heard[-1]
        if os.environ.get("JM_A11Y_VERBOSE"):
            print(f"{keys:>16}: {name} — {description}", file=sys.stderr)
        if not name.startswith(expect):
            failures.append(f"{keys}: heard {name!r}, expected {expect!r}…")
        return name, description

    try:
        app = wait_for(lambda: app_named("journey-maps"))
        if app is None or wait_for(lambda: find(app, pyatspi.ROLE_TABLE, "Journey map"), 15) is None:
            return ["the example's map never showed up on the accessibility bus"]
        window = ""
        for _ in range(50):
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                                 capture_output=True, text=True).stdout.split()
            if out:
                window = out[0]
                break
            time.sleep(0.2)
        xdotool("windowfocus", "--sync", window)
        # Into the map: a click in it (again if the window was not ready to
        # take it), then the first cell of the map.
        for _ in range(4):
            del heard[:]
            xdotool("mousemove", "--window", window, "600", "600", "click", "1")
            settle("", 6)
            if heard:
                break
        first = press("ctrl+Home", "")
        if first is not None and "stage" not in (first[1] or ""):
            failures.append(f"the first cell's description names no stage: {first!r}")
        step = press("Up", "Step ")
        if step is not None and "stage" not in (step[1] or ""):
            failures.append(f"a step header's description names no stage: {step!r}")
        press("Up", "Stage ")
        press("Down Down Left", "Lane ")
        # Down the first column to the emotion lane: the first persona's point.
        press("Right", "")
        name = None
        for _ in range(30):
            got = press("Down", "")
            if got is None:
                break
            if ", as is:" in got[0]:
                name = got[0]
                break
        if name is None or not name.startswith("Paolo Ferri, as is:"):
            failures.append(f"no emotion point of Paolo Ferri reached going down (last: {name!r})")
            return failures
        got = press("p", "Marta Conti, as is:")
        got = press("5", "Marta Conti, as is: +2")
        if got is not None and "stage" not in (got[1] or ""):
            failures.append(f"an emotion point's description names no stage: {got!r}")
    finally:
        pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
    return failures


def outline_edit(binary, example, env):
    """The outline alone, by keyboard: Ctrl+L shows it, Ctrl+F finds a
    stage and an emotion score, F2 renames the stage, a digit sets the
    score, Ctrl+S saves; both are in the saved file. Returns the failures."""
    import shutil
    import tempfile
    failures = []
    heard = []
    tmp = tempfile.mkdtemp(prefix="jm-outline-")
    path = os.path.join(tmp, "restaurant.journey")
    shutil.copyfile(example, path)

    def on_focus(event):
        if event.detail1 == 1:
            try:
                heard.append(event.source.name)
            except Exception:
                pass

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    proc = subprocess.Popen([binary, path], env=env)
    context = GLib.MainContext.default()

    def pump(seconds):
        end = time.time() + seconds
        while time.time() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.02)

    def keys(*names, expect=None):
        """Sends keys and waits until nothing more is heard for a moment;
        with expect, until the last focus heard starts with it (a slow
        build answers late, not wrongly)."""
        xdotool("key", "--clearmodifiers", "--delay", "80", *names)
        end = time.time() + (12 if expect is not None else 4)
        count, quiet_since, start = -1, time.time(), time.time()
        while time.time() < end:
            pump(0.1)
            if len(heard) != count:
                count, quiet_since = len(heard), time.time()
            elif time.time() - quiet_since > 0.6 and time.time() - start > 1.2 and \
                    (expect is None or (heard and heard[-1].startswith(expect))):
                return

    def type_text(text):
        xdotool("type", "--delay", "40", text)
        pump(1.2)

    def find_and_leave(text, expect):
        """Ctrl+F, the text, Escape: the row found has the focus."""
        keys("ctrl+f")
        type_text(text)
        del heard[:]
        keys("Escape", expect=expect)
        if not heard or not heard[-1].startswith(expect):
            failures.append(f"finding {text!r}: focus on {heard[-1] if heard else None!r}, expected {expect!r}…")
        elif heard[-1].count(expect.split(",")[0]) > 1:
            # GTK 4.8 adds a labelling widget's text to the label given.
            failures.append(f"finding {text!r}: the row's name says its text twice: {heard[-1]!r}")

    try:
        app = wait_for(lambda: app_of(proc.pid))
        if app is None or wait_for(lambda: find(app, pyatspi.ROLE_TABLE, "Journey map"), 15) is None:
            return ["the example's map never showed up on the accessibility bus"]
        window = ""
        for _ in range(50):
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                                 capture_output=True, text=True).stdout.split()
            if out:
                window = out[0]
                break
            time.sleep(0.2)
        xdotool("windowfocus", "--sync", window)
        pump(0.5)
        del heard[:]
        keys("ctrl+l", expect="Journey map:")
        if wait_for(lambda: find(app, pyatspi.ROLE_LIST, "Outline of the Map")
                    or find(app, pyatspi.ROLE_TREE, "Outline of the Map")
                    or find(app, pyatspi.ROLE_TREE_TABLE, "Outline of the Map"), 5) is None:
            failures.append("Ctrl+L showed no outline")
            return failures
        if not heard or not heard[-1].startswith("Journey map:"):
            failures.append(f"the outline's first focus is on {heard[-1] if heard else None!r}, not the map")

        find_and_leave("Stage Discover", "Stage Discover, stage 1 of 5")
        keys("F2")
        keys("ctrl+a")
        type_text("Finding us")
        del heard[:]
        keys("Return")
        find_and_leave("Marta Conti, to be", "Marta Conti, to be: not set, stage Finding us, step Hears about it")
        keys("4")
        # The second persona's point at a second step: the next as-is row.
        find_and_leave("Marta Conti, as is", "Marta Conti, as is: −0.5")
        if not heard or "step Looks it up" not in heard[-1]:
            failures.append(f"the next as-is row of Marta is {heard[-1] if heard else None!r}, not at Looks it up")
        keys("5")
        # A pain point added where there is none yet (the next such row
        # after the score's, at Dines), its text typed, its severity set to
        # high (3): Insert, the text, Return, a digit.
        find_and_leave("Pain points: 0 cards", "Pain points: 0 cards, stage First visit, step Dines")
        keys("Insert")
        keys("ctrl+a")
        type_text("No table for one on Fridays")
        keys("Return")
        del heard[:]
        keys("3")
        if wait_for(lambda: find(app, None, "Pain point, severity High: No table for one on Fridays", prefix=True),
                    5) is None:
            failures.append("the outline has no row for the new pain point with severity high")
        keys("ctrl+s")
        pump(1)
        with open(path, encoding="utf-8") as f:
            saved = f.read()
        if 'name="Finding us"' not in saved:
            failures.append("the stage renamed in the outline is not in the saved file")
        if '<emotion persona="p-marta" step="s-hears" curve="future" score="1"/>' not in saved:
            failures.append("the emotion score set in the outline is not in the saved file")
        if '<emotion persona="p-marta" step="s-looks" score="2"/>' not in saved:
            failures.append("the second step's score set in the outline is not in the saved file")
        if not re.search(r'<card id="[^"]+" step="s-dine" severity="high">\s*<text>No table for one on Fridays</text>',
                         saved):
            failures.append("the pain point added in the outline, with its severity, is not in the saved file")
    finally:
        pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    return failures


# Roles a user operates or moves to; each must say what it is.
NAMED_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
               pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
               pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
               pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_FRAME,
               pyatspi.ROLE_DIALOG, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_SWITCH
               if hasattr(pyatspi, "ROLE_SWITCH") else pyatspi.ROLE_TOGGLE_BUTTON}
GTYPE_NAME = re.compile(r"(Gtk|Adw|Gdk|Jm)[A-Z]\w*")
# "_Export…", "Save _As…": a mnemonic's underscore read aloud.
MNEMONIC = re.compile(r"(^|[\sA-Za-z(])_[A-Za-z]")


def doubled(name):
    """"Age Age", "Bio Bio": GTK 4.8 reads a label property and then the
    labelling widgets one after the other."""
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def unnamed_controls(node, where, out, depth=0):
    """Adds to out every shown control under node with no name, a name with
    a mnemonic underscore, or a GType's name."""
    if node is None or depth > 60:
        return
    try:
        role = node.getRole()
        name = node.name or ""
        showing = node.getState().contains(pyatspi.STATE_VISIBLE)
        role_name = node.getRoleName()
    except Exception:
        return
    if depth > 0 and not showing:
        return
    if name == "GtkFileChooserWidget":
        return
    problem = None
    # GTK 4.8 names an object it has no name for after its type: harmless
    # on a filler, a control's missing name on anything a user operates.
    if role in NAMED_ROLES:
        if GTYPE_NAME.fullmatch(name):
            problem = "a type's name"
        elif not name.strip():
            problem = "no name"
        elif MNEMONIC.search(name) and "/" not in name:
            problem = "a mnemonic in its name"
        elif doubled(name):
            problem = "its name said twice"
    if problem is not None:
        try:
            parent = f"{node.parent.getRoleName()} {node.parent.name!r}"
        except Exception:
            parent = "?"
        out.append(f"{where}: {role_name} {name!r} (in {parent}) has {problem}")
    for i in range(node.childCount):
        unnamed_controls(node.getChildAtIndex(i), where, out, depth + 1)


def every_control_named(binary, example, survey, env):
    """Walks the accessibility tree of the main window, its inspector's
    page for each kind of object, the preferences, the export and import
    dialogs, the shortcuts and the presentation window. Returns the
    failures: every shown control with no name, a mnemonic's underscore in
    its name, or a type's name for one."""
    failures = []
    proc = subprocess.Popen([binary, example], env=env)
    context = GLib.MainContext.default()

    def pump(seconds):
        end = time.time() + seconds
        while time.time() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.02)

    def keys(*names):
        xdotool("key", "--clearmodifiers", "--delay", "80", *names)
        pump(1.2)

    def check(where):
        for i in range(app.childCount):
            top = app.getChildAtIndex(i)
            # GTK's own file chooser is not ours to name.
            if find(top, pyatspi.ROLE_FILLER, "GtkFileChooserWidget") is not None:
                continue
            unnamed_controls(top, where, failures)

    try:
        app = wait_for(lambda: app_of(proc.pid))
        if app is None or wait_for(lambda: find(app, pyatspi.ROLE_TABLE, "Journey map"), 15) is None:
            return ["the example's map never showed up on the accessibility bus"]
        window = ""
        for _ in range(50):
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                                 capture_output=True, text=True).stdout.split()
            if out:
                window = out[0]
                break
            time.sleep(0.2)
        xdotool("windowfocus", "--sync", window)
        pump(0.5)
        check("main window")
        # Each inspector page: its object chosen through the outline.
        keys("ctrl+l")
        for kind, text in (("card", "Touchpoint,"), ("stage", "Stage Discover"), ("step", "Step Looks it up"),
                           ("lane", "Lane Touchpoints"), ("persona", "Persona Marta"),
                           ("emotion", "Marta Conti, as is")):
            keys("ctrl+f")
            xdotool("type", "--delay", "40", text)
            pump(1)
            keys("Escape")
            check(f"inspector ({kind})")
        keys("ctrl+l")
        xdotool("windowfocus", "--sync", window)
        keys("ctrl+comma")
        check("preferences")
        keys("Escape")
        xdotool("windowfocus", "--sync", window)
        keys("ctrl+e")
        check("export dialog")
        keys("Escape")
        xdotool("windowfocus", "--sync", window)
        keys("ctrl+question")
        check("shortcuts")
        keys("Escape")
        xdotool("windowfocus", "--sync", window)
        keys("F5")
        pump(1)
        check("presentation")
        keys("Escape")
        pump(1)
        # The import dialog, after choosing a survey's export.
        xdotool("windowfocus", "--sync", window)
        keys("F10")
        item = wait_for(lambda: find(app, pyatspi.ROLE_MENU_ITEM, "Import Survey Responses…"), 5)
        if item is None:
            failures.append("the main menu has no Import Survey Responses… item")
        else:
            try:
                item.queryAction().doAction(0)
            except Exception as error:
                failures.append(f"Import Survey Responses… could not be activated: {error}")
            else:
                pump(2)
                # GTK's own file chooser: the path typed into it.
                chooser = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Import Survey Responses"],
                                         capture_output=True, text=True).stdout.split()
                if chooser:
                    xdotool("windowfocus", "--sync", chooser[-1])
                # A path typed into it opens its location field.
                xdotool("type", "--delay", "20", survey)
                pump(1)
                keys("Return")
                pump(2)
                if wait_for(lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Apply"), 5) is None:
                    failures.append("the import dialog did not open from the file chooser")
                check("import dialog")
                keys("Escape")
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
    return failures


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
            canvas = wait_for(lambda: find(app, pyatspi.ROLE_TABLE, "Journey map"), 10)
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

    example = os.path.join(os.environ.get("JM_SOURCE_ROOT", "."), "data", "examples",
                           "restaurant-regular.journey")
    failures += canvas_walk(binary, example, env)
    failures += outline_edit(binary, example, env)
    survey = os.path.join(os.environ.get("JM_SOURCE_ROOT", "."), "data", "examples", "restaurant-survey.csv")
    failures += every_control_named(binary, example, survey, env)

    for f in failures:
        print(f, file=sys.stderr)
    print(f"{0 if failures else 1} passed, {len(failures) and 1} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
